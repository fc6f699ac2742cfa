//! What a run would do on a database as it stands: the plan from its current version, after the
//! same checks of its history, so `lcfs-db sql` prints exactly what `upgrade` would run.

use tokio_postgres::Client;

use super::{Migrator, Plan, compat};
use crate::Error;

impl Migrator {
    /// The plan [`Migrator::run`] would run on the database behind `client` now: from its
    /// current version to the target (head by default); empty when it is already there or
    /// beyond. Fails as the run would on a divergent, unknown or out-of-order history.
    ///
    /// Reads only and takes no lock: a concurrent run may change the answer.
    pub async fn preview_upgrade(&self, client: &Client) -> Result<Plan<'_>, Error> {
        let target = self.target_version()?;
        let current = self.checked_current(client, true).await?;
        // At or past the target (perhaps ahead of this binary, by tolerated expand migrations):
        // nothing to run.
        self.upgrade_plan(current.min(target), Some(target))
    }

    /// The plan [`Migrator::downgrade`] to `to_version` would run on the database behind
    /// `client` now; empty when it is already at or below that version. Reads only.
    pub async fn preview_downgrade(
        &self,
        client: &Client,
        to_version: i32,
    ) -> Result<Plan<'_>, Error> {
        let to = self.checked_version(to_version)?;
        let current = self.checked_current(client, false).await?;
        self.downgrade_plan(current, to.min(current))
    }

    /// The database's version, once its history is known to allow a run, as the run checks it:
    /// an upgrade tolerates versions ahead of this binary that are recorded as expand, a
    /// downgrade (which would need their down files) none.
    async fn checked_current(&self, client: &Client, upgrade: bool) -> Result<i32, Error> {
        self.check_set()?;
        let applied = self.history()?.read(client).await?;
        let status = match upgrade {
            true => compat::checked_status(self, applied.as_deref())?.0,
            false => {
                let status =
                    super::Status::new(self.migrations(), applied.as_deref().unwrap_or_default());
                status.check()?;
                status
            }
        };
        Ok(status.current)
    }
}
