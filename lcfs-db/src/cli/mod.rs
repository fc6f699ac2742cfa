//! Subcommands and their dispatch. Results go to stdout, progress and errors to stderr.
//!
//! Each subcommand is one variant holding its arguments (defined beside its code) and one
//! dispatch line; a command that touches a database flattens [`DatabaseArgs`] into its own.

mod adopt;
mod check;
mod cluster;
mod confirm;
mod connect;
mod database;
mod erd;
mod generate;
mod inspect;
mod lint;
pub mod output;
mod place;
mod plural;
mod revision;
mod seed;
mod sql;
mod timeouts;
mod upgrade;

use clap::{Parser, Subcommand};

use database::CONNECTION_HELP;
pub use database::DatabaseArgs;
pub use revision::Revision;

const EXIT_STATUS: &str = "\
Exit status: 0 on success; 1 on any error, the message on stderr naming the version, file and
statement. `status` and `history` also exit 1, with `upgrade`'s message, on a history that
`upgrade` would refuse.";

/// Migrate, inspect, seed and reset an LCFS database.
#[derive(Debug, Parser)]
#[command(name = "lcfs-db", version, after_help = EXIT_STATUS)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Apply migrations up to a version (default: head)
    ///
    /// Creates the database when it is missing. Each migration runs in its own transaction
    /// with its history row, under an advisory lock, so concurrent runs apply each version once.
    /// A statement waits at most --lock-timeout for a table lock, then the migration is rolled
    /// back and retried. The history is checked as a whole first: an applied migration whose
    /// file changed since, a deleted history row or objects without a history table stop the
    /// run before anything is applied.
    #[command(after_help = CONNECTION_HELP)]
    Upgrade(upgrade::UpgradeArgs),
    /// Revert migrations down to a version (default: base, an empty schema)
    ///
    /// Runs the down files newest first, each in its own transaction. Prints the plan and the
    /// tables holding rows that will be dropped, then asks; without a terminal it refuses unless
    /// given --yes.
    #[command(after_help = CONNECTION_HELP)]
    Downgrade(upgrade::DowngradeArgs),
    /// Show the current version and what is pending, divergent or missing
    #[command(after_help = CONNECTION_HELP)]
    Status(DatabaseArgs),
    /// List every version: when it was applied and whether its checksum still matches
    #[command(after_help = CONNECTION_HELP)]
    History(DatabaseArgs),
    /// Print the SQL an upgrade or downgrade would run, for review
    ///
    /// `sql upgrade 14` prints the statements `upgrade 14` would run, history rows included, as
    /// a script for `psql -f` (without the run's migration lock, timeouts and retries: set
    /// lock_timeout before running it by hand): on the database the connection settings point at (its current
    /// version is read, nothing is changed), or with --from on a database at that version (no
    /// database needed). A target the database has already passed prints an empty script.
    #[command(after_help = CONNECTION_HELP)]
    Sql(sql::SqlArgs),
    /// Create the next version's up and down files, to fill in before the next build
    ///
    /// The build refuses a migration file without statements, so a generated pair is never
    /// applied empty.
    Generate(generate::GenerateArgs),
    /// Load a seed data set in one transaction: all of it or nothing
    #[command(after_help = CONNECTION_HELP)]
    Seed(seed::SeedArgs),
    /// Downgrade to base, upgrade to head, then seed the dev set
    ///
    /// A failed seed leaves the database at head without seed data. Asks first, as downgrade
    /// does.
    #[command(after_help = CONNECTION_HELP)]
    Reset(seed::ResetArgs),
    /// Draw the schema: every table, column and foreign key, grouped by domain
    ///
    /// From the schema built into this binary; no database is needed.
    Erd(erd::ErdArgs),
    /// Regenerate docs/erd/ and docs/schema.md from the schema model
    ///
    /// Per domain a Mermaid, a DOT and an SVG file, the draw.io file and schema.md. The SVGs
    /// need Graphviz's `dot`; without it nothing is written.
    Docs(erd::DocsArgs),
    // Their help, short and long, is their arguments' doc comment.
    #[command(after_help = CONNECTION_HELP)]
    Check(check::CheckArgs),
    #[command(after_help = CONNECTION_HELP)]
    Adopt(adopt::AdoptArgs),
    /// Check migration files as the build does: lock and compatibility hazards, directives, class
    ///
    /// The built-in migrations are replayed first, so "an existing table" means what it means
    /// to the build. No database is needed.
    Lint(lint::LintArgs),
    /// Status, stop or URL of the private cluster
    ///
    /// The private cluster (LCFS_DB_CLUSTER_DIR, else target/lcfs-db/cluster in the project run
    /// from, else ~/.local/share/lcfs-db/cluster) serves the commands when nothing is configured
    /// and no server answers; it keeps running after they exit, until `lcfs-db cluster stop`.
    #[command(subcommand)]
    Cluster(cluster::ClusterAction),
}

pub async fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Upgrade(args) => upgrade::upgrade(args).await,
        Command::Downgrade(args) => upgrade::downgrade(args).await,
        Command::Status(database) => inspect::status(database).await,
        Command::History(database) => inspect::history(database).await,
        Command::Sql(args) => sql::print(args).await,
        Command::Generate(args) => generate::generate(args),
        Command::Seed(args) => seed::seed(args).await,
        Command::Reset(args) => seed::reset(args).await,
        Command::Erd(args) => erd::print(args),
        Command::Docs(args) => erd::write(args),
        Command::Check(args) => check::check(args).await,
        Command::Adopt(args) => adopt::adopt(args).await,
        Command::Lint(args) => lint::lint(args),
        Command::Cluster(action) => cluster::run(action).await,
    }
}
