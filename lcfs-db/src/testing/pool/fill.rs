//! The filler tasks that make clones for the pools in the background, on the harness runtime,
//! each on an admin session of its own so clones never wait behind the admin session's work.

use std::sync::Mutex;

use tokio_postgres::Client;

use super::super::fresh::FreshDatabase;
use super::super::runtime::spawn_on_harness;
use super::super::server::Server;
use super::state::{Pools, pools};
use crate::Error;

/// Clones made at once. Two overlap their checkpoint waits, which nearly doubles the refill
/// rate (8 clones of the LCFS template on a private cluster: 350 ms one at a time, 200 ms two
/// at a time); more would take cores from the running tests.
const LANES: usize = 2;

/// Starts fillers, up to [`LANES`], for the clones the pools are short of.
pub(super) fn start(pools: &mut Pools) {
    while pools.fillers < LANES {
        let Some(template) = pools.reserve() else {
            return;
        };
        pools.fillers += 1;
        spawn_on_harness(fill(template));
    }
}

/// Makes the reserved clone of `template`, then the next reserved one, until none is wanted.
async fn fill(mut template: String) {
    let mut session = None;
    loop {
        let made = clone(&mut session, &template).await;
        if made.is_err() {
            session = None; // it may be what failed
        }
        let mut pools = pools();
        pools.deliver(&template, made);
        match pools.reserve() {
            Some(next) => template = next,
            None => {
                pools.filler_stopped();
                drop(pools);
                idle_sessions().extend(session);
                return;
            }
        }
    }
}

async fn clone(session: &mut Option<Client>, template: &str) -> Result<FreshDatabase, Error> {
    let server = Server::get().await?;
    if session.is_none() {
        let idle = idle_sessions().pop();
        *session = Some(match idle {
            Some(idle) => idle,
            None => server.session().await?,
        });
    }
    let session = session.as_ref().expect("a session was just found or made");
    FreshDatabase::clone_of(server, session, template).await
}

/// Sessions of fillers that stopped, for the next ones.
fn idle_sessions() -> std::sync::MutexGuard<'static, Vec<Client>> {
    static IDLE: Mutex<Vec<Client>> = Mutex::new(Vec::new());
    IDLE.lock().unwrap_or_else(|poison| poison.into_inner())
}
