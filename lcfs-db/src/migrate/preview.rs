//! What a run would do on a database as it stands: the plan from its current version, after the
//! same checks as the run's (`run::verify`), so `lcfs-db sql` prints the statements `upgrade`
//! would run, and the command line refuses before it prints a plan the run would refuse.

use tokio_postgres::Client;

use super::{Direction, Migrator, Plan, run, server_role};
use crate::Error;

impl Migrator {
    /// The plan [`Migrator::run`] would run on the database behind `client` now: from its
    /// current version to the target (head by default); empty when it is already there or
    /// beyond. Fails as the run would: on a standby, on a schema whose objects have no history
    /// table, on a divergent, unknown or out-of-order history, through V015 without the
    /// reporting role and the right to create it; tolerates what the run tolerates
    /// (see [`Migrator::strict_history`]).
    ///
    /// Reads only and takes no lock: a concurrent run may change the answer.
    pub async fn preview_upgrade(&self, client: &Client) -> Result<Plan<'_>, Error> {
        let target = self.target_version()?;
        let current = self.checked_current(client, Direction::Up).await?;
        // At or past the target (perhaps ahead of this binary, by tolerated expand migrations):
        // nothing to run.
        let plan = self.upgrade_plan(current.min(target), Some(target))?;
        // A plan through V015 that the run would refuse for want of the reporting role.
        server_role::decide(client, &plan).await?;
        Ok(plan)
    }

    /// The plan [`Migrator::downgrade`] to `to_version` would run on the database behind
    /// `client` now; empty when it is already at or below that version. Fails as the downgrade
    /// would, which tolerates no version it does not know. Reads only.
    pub async fn preview_downgrade(
        &self,
        client: &Client,
        to_version: i32,
    ) -> Result<Plan<'_>, Error> {
        let to = self.checked_version(to_version)?;
        let current = self.checked_current(client, Direction::Down).await?;
        self.downgrade_plan(current, to.min(current))
    }

    /// The database's version, once the checks of a run in `direction` allow it.
    async fn checked_current(&self, client: &Client, direction: Direction) -> Result<i32, Error> {
        let verified = run::verify(self, self.history()?, client, direction, true).await?;
        Ok(verified.status.current)
    }
}
