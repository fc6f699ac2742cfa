//! `sql`: the exact script an upgrade or downgrade runs, for review, with no database involved.

use lcfs_db::Migrator;

use super::output::out;
use super::{Direction, Revision};

pub fn print(
    direction: Direction,
    from: Option<Revision>,
    to: Option<Revision>,
) -> Result<(), String> {
    let migrator = Migrator::new();
    let head = migrator.head();
    let plan = match direction {
        Direction::Upgrade => {
            let from = from.unwrap_or(Revision::Base).resolve(head);
            let to = to.unwrap_or(Revision::Head).resolve(head);
            migrator.upgrade_plan(from, Some(to))
        }
        Direction::Downgrade => {
            let from = from.unwrap_or(Revision::Head).resolve(head);
            let to = to.unwrap_or(Revision::Base).resolve(head);
            migrator.downgrade_plan(from, to)
        }
    }
    .map_err(|e| e.to_string())?;
    out!("{}", plan.sql());
    Ok(())
}
