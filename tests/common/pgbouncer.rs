//! A PgBouncer of a test's own in front of the harness's server: its config in a temporary
//! folder, listening on a free local port, run as the `postgres` user when the tests run as root
//! (PgBouncer refuses to run as root), stopped when dropped.

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tokio_postgres::config::Host;
use tokio_postgres::{Client, Config, NoTls};

/// A running PgBouncer.
pub struct PgBouncer {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl PgBouncer {
    /// Starts `program` in `pool_mode` (`session`, `transaction`) with `pool_size` server
    /// connections per database, in front of the server `server` points at. Idle server
    /// connections are handed out in turn, not last-used first: in transaction mode a client's
    /// next transaction goes to another server session whenever one is idle, as under load.
    pub async fn start(
        program: &Path,
        server: &Config,
        pool_mode: &str,
        pool_size: u32,
    ) -> PgBouncer {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let host = match server.get_hosts().first().expect("a server host") {
            Host::Tcp(host) => host.clone(),
            Host::Unix(path) => path.display().to_string(),
        };
        let password = server
            .get_password()
            .map(|p| format!(" password={}", String::from_utf8_lossy(p)))
            .unwrap_or_default();
        let user = server.get_user().unwrap_or("postgres");
        let d = dir.path().display();
        let config = format!(
            "[databases]\n* = host={host} port={}{password}\n\n[pgbouncer]\n\
             listen_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir =\n\
             auth_type = trust\nauth_file = {d}/users.txt\npool_mode = {pool_mode}\n\
             default_pool_size = {pool_size}\nmax_client_conn = 200\n\
             server_round_robin = 1\n\
             ignore_startup_parameters = extra_float_digits,options\n\
             logfile = {d}/pgbouncer.log\npidfile = {d}/pgbouncer.pid\n",
            server.get_ports().first().copied().unwrap_or(5432),
        );
        std::fs::write(dir.path().join("pgbouncer.ini"), config).unwrap();
        std::fs::write(dir.path().join("users.txt"), format!("\"{user}\" \"\"\n")).unwrap();
        let mut command = Command::new(program);
        command
            .arg(dir.path().join("pgbouncer.ini"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some((uid, gid)) = server_account() {
            std::os::unix::fs::chown(dir.path(), Some(uid), Some(gid)).unwrap();
            command.uid(uid).gid(gid);
        }
        let child = command.spawn().expect("pgbouncer starts");
        let bouncer = PgBouncer { child, port, dir };
        bouncer.wait_until_ready(user).await;
        bouncer
    }

    /// The URL of `dbname` through this PgBouncer.
    pub fn url(&self, user: &str, dbname: &str) -> String {
        format!("postgresql://{user}@127.0.0.1:{}/{dbname}", self.port)
    }

    pub async fn connect(&self, user: &str, dbname: &str) -> Client {
        let (client, connection) = self
            .url(user, dbname)
            .parse::<Config>()
            .unwrap()
            .connect(NoTls)
            .await
            .unwrap_or_else(|e| panic!("connecting through pgbouncer: {e}\n{}", self.log()));
        tokio::spawn(connection);
        client
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("pgbouncer.log")).unwrap_or_default()
    }

    async fn wait_until_ready(&self, user: &str) {
        let config: Config = self.url(user, "postgres").parse().unwrap();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(15) {
            if let Ok((client, connection)) = config.connect(NoTls).await {
                drop(client);
                let _ = connection.await;
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("pgbouncer did not accept connections:\n{}", self.log());
    }
}

impl Drop for PgBouncer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `postgres` user's uid and gid when this process is root.
fn server_account() -> Option<(u32, u32)> {
    let id = |flag: &str| -> Option<u32> {
        let output = Command::new("id").args([flag, "postgres"]).output().ok()?;
        String::from_utf8_lossy(&output.stdout).trim().parse().ok()
    };
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    root.then(|| Some((id("-u")?, id("-g")?))).flatten()
}
