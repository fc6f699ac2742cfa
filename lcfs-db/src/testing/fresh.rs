//! One new clone of a template with a connection to it: what the pool keeps ready, and what a
//! test gets on demand when the pool is empty.

use tokio_postgres::tls::NoTlsStream;
use tokio_postgres::{Client, Connection, NoTls, Socket};

use super::database_owner::owner_clause;
use super::drops::drop_later;
use super::owner::database_name;
use super::server::Server;
use super::template::execute;
use crate::Error;

/// A database nobody has used yet. Its connection is not yet driven: whoever takes the
/// database spawns it on their runtime, where the test's queries run.
pub(crate) struct FreshDatabase {
    pub name: String,
    pub client: Client,
    pub connection: Connection<Socket, NoTlsStream>,
}

impl FreshDatabase {
    /// Copies `template` through `session` (an admin-database session) and connects.
    pub async fn clone_of(
        server: &Server,
        session: &Client,
        template: &str,
    ) -> Result<FreshDatabase, Error> {
        let name = database_name();
        let create = format!(
            "CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"{}{}",
            server.strategy,
            owner_clause(server.owner.as_deref())
        );
        execute(session, &create).await?;
        match server.config(&name).connect(NoTls).await {
            Ok((client, connection)) => Ok(FreshDatabase {
                name,
                client,
                connection,
            }),
            Err(error) => {
                let error =
                    Error::postgres(format!("connecting to the test database {name}"), error);
                drop_later(name);
                Err(error)
            }
        }
    }
}
