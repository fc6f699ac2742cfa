//! Servers for connection tests: a private cluster that asks for passwords over TCP, a port
//! nobody listens on, and a listener that accepts connections and never answers.

use std::future::Future;
use std::net::TcpListener;
use std::sync::OnceLock;

use lcfs_db::cluster::{Cluster, ClusterOptions, connection_url};
use tokio_postgres::{Client, Config, NoTls};

/// The password of role `app`: distinctive, so that tests can tell it never reaches output.
pub const PASSWORD: &str = "Pa55-w0rd-app";

/// A cluster whose TCP listener (127.0.0.1) asks every role for its password; its socket trusts
/// everyone. Role `app` (password [`PASSWORD`], no CREATEDB) owns database `app`; there is no
/// role `lcfs`.
pub struct LoginCluster {
    cluster: Cluster,
}

impl LoginCluster {
    /// The process's login cluster, started on first use.
    pub fn get() -> &'static LoginCluster {
        static CLUSTER: OnceLock<LoginCluster> = OnceLock::new();
        CLUSTER.get_or_init(|| block_on(LoginCluster::start()))
    }

    async fn start() -> LoginCluster {
        let options = ClusterOptions::new().tcp_with_password();
        let cluster = Cluster::ephemeral_with(&options)
            .await
            .unwrap_or_else(|e| panic!("no login cluster: {e}"));
        let admin = connect(&cluster.config("postgres")).await;
        let role = format!("CREATE ROLE app LOGIN NOCREATEDB PASSWORD '{PASSWORD}'");
        for sql in [role.as_str(), "CREATE DATABASE app OWNER app"] {
            admin.batch_execute(sql).await.unwrap();
        }
        LoginCluster { cluster }
    }

    pub fn port(&self) -> u16 {
        self.cluster.port()
    }

    /// `postgresql://user[:password]@127.0.0.1:port/dbname`: the listener that asks for passwords.
    pub fn tcp_url(&self, user: &str, password: Option<&str>, dbname: &str) -> String {
        let mut config = self.tcp_config(user, dbname);
        if let Some(password) = password {
            config.password(password);
        }
        connection_url(&config)
    }

    pub fn tcp_config(&self, user: &str, dbname: &str) -> Config {
        let mut config = Config::new();
        config
            .host("127.0.0.1")
            .port(self.port())
            .user(user)
            .dbname(dbname);
        config
    }

    /// A URL through the socket, where no password is asked for.
    pub fn socket_url(&self, user: &str, dbname: &str) -> String {
        let mut config = self.cluster.config(dbname);
        config.user(user);
        connection_url(&config)
    }

    /// The superuser on the socket.
    pub fn admin_config(&self, dbname: &str) -> Config {
        self.cluster.config(dbname)
    }
}

/// A port on 127.0.0.1 that nobody listens on now.
pub fn free_port() -> u16 {
    let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
    listener.local_addr().unwrap().port()
}

/// A listener that completes TCP handshakes (the kernel does, into its backlog) and never says
/// a word: a server that hangs, or something else listening on the port.
pub fn silent_listener() -> (TcpListener, u16) {
    let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = listener.local_addr().unwrap().port();
    (listener, port)
}

pub async fn connect(config: &Config) -> Client {
    let (client, connection) = config.connect(NoTls).await.unwrap();
    tokio::spawn(connection);
    client
}

/// Runs `future` to completion on a runtime of its own, from any thread (a test's runtime too).
pub fn block_on<F>(future: F) -> F::Output
where
    F: Future + Send,
    F::Output: Send,
{
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap()
                    .block_on(future)
            })
            .join()
            .unwrap()
    })
}
