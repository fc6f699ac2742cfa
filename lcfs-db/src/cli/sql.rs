//! `sql`: the exact script `upgrade` or `downgrade` would run, for review: on the database the
//! connection settings point at (its current version read, nothing changed), or from `--from`.

use clap::{Args, ValueEnum};
use lcfs_db::{Migrator, Plan};

use super::connect::Missing;
use super::output::{errln, out};
use super::plural::plural;
use super::{DatabaseArgs, Revision};

#[derive(Debug, Args)]
pub struct SqlArgs {
    /// Which command's SQL to print
    direction: Direction,
    /// The version the command is given: a number (14), V014, head or base
    /// [default: head for upgrade, base for downgrade]
    #[arg(value_name = "REVISION")]
    revision: Option<Revision>,
    /// Plan for a database at this version instead of reading one (no database needed): a
    /// number, V014, head or base
    #[arg(long, value_name = "REVISION", conflicts_with = "database_url")]
    from: Option<Revision>,
    #[command(flatten)]
    database: DatabaseArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Direction {
    /// What `lcfs-db upgrade [REVISION]` would run
    Upgrade,
    /// What `lcfs-db downgrade [REVISION]` would run
    Downgrade,
}

pub async fn print(args: SqlArgs) -> Result<(), String> {
    let migrator = Migrator::new();
    let head = migrator.head();
    let to = match (args.direction, args.revision) {
        (_, Some(revision)) => revision.resolve(head),
        (Direction::Upgrade, None) => head,
        (Direction::Downgrade, None) => 0,
    };
    let migrator = match args.direction {
        Direction::Upgrade => migrator.target(to),
        Direction::Downgrade => migrator,
    };
    let plan = match args.from {
        Some(from) => from_version(&migrator, args.direction, from.resolve(head), to),
        None => {
            let client = args.database.connect(Missing::Fail).await?;
            match args.direction {
                Direction::Upgrade => migrator.preview_upgrade(&client).await,
                Direction::Downgrade => migrator.preview_downgrade(&client, to).await,
            }
        }
    }
    .map_err(|e| e.to_string())?;
    errln!(
        "{} from version {} to {}: {}",
        match args.direction {
            Direction::Upgrade => "upgrade",
            Direction::Downgrade => "downgrade",
        },
        plan.from(),
        plan.to(),
        plural(plan.migrations().len(), "migration")
    );
    out!("{}", plan.sql());
    Ok(())
}

/// As on a database at `from`: a target already passed runs nothing, as the command would.
fn from_version(
    migrator: &Migrator,
    direction: Direction,
    from: i32,
    to: i32,
) -> Result<Plan<'_>, lcfs_db::Error> {
    match direction {
        Direction::Upgrade => migrator.upgrade_plan(from, Some(to.max(from))),
        Direction::Downgrade => migrator.downgrade_plan(from, to.min(from)),
    }
}
