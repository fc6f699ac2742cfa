//! Subcommands and their dispatch. Results go to stdout, progress and errors to stderr.

mod config;
mod confirm;
mod connect;
mod erd;
mod generate;
mod inspect;
mod revision;
mod seed;
mod sql;
mod timeouts;
mod upgrade;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub use revision::Revision;

/// Migrate, inspect, seed and reset an LCFS database.
#[derive(Debug, Parser)]
#[command(name = "lcfs-db", version, about)]
pub struct Cli {
    /// PostgreSQL URL; otherwise DATABASE_URL, then LCFS_DB_HOST/PORT/USER/PASS/BASE.
    #[arg(long, global = true, value_name = "URL")]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Apply migrations up to a version (default: head).
    Upgrade {
        revision: Option<Revision>,
        #[command(flatten)]
        timeouts: timeouts::Timeouts,
    },
    /// Revert migrations down to a version (default: base, an empty schema).
    Downgrade {
        revision: Option<Revision>,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        timeouts: timeouts::Timeouts,
    },
    /// Show the current version and what is pending or divergent.
    Status,
    /// List every version: when it was applied and whether its checksum still matches.
    History,
    /// Print the SQL an upgrade or downgrade would run, without touching any database.
    Sql {
        direction: Direction,
        from: Option<Revision>,
        to: Option<Revision>,
    },
    /// Create the next version's up and down files.
    Generate {
        /// What the migration does; its slug names the files.
        #[arg(required = true, num_args = 1..)]
        message: Vec<String>,
        /// Where the migrations live (default: this checkout's `migrations/`).
        #[arg(long, value_name = "DIR", env = "LCFS_DB_MIGRATIONS_DIR")]
        migrations_dir: Option<PathBuf>,
    },
    /// Load a seed data set in one transaction.
    Seed {
        #[arg(default_value = "dev")]
        set: SeedSet,
        /// Where the seed sets live (default: this checkout's `seeds/`).
        #[arg(long, value_name = "DIR", env = "LCFS_DB_SEEDS_DIR")]
        seeds_dir: Option<PathBuf>,
    },
    /// Draw the schema: every table, column and foreign key, grouped by domain.
    Erd {
        #[arg(long, value_enum, default_value = "mermaid")]
        format: ErdFormat,
        /// Only this domain's page (the migration name, e.g. `organizations_and_users`).
        #[arg(long)]
        domain: Option<String>,
    },
    /// Regenerate docs/erd/ and docs/schema.md from the schema model.
    Docs {
        /// Where the docs live (default: this checkout's `docs/`).
        #[arg(long, value_name = "DIR")]
        docs_dir: Option<PathBuf>,
    },
    /// Downgrade to base, upgrade to head, then seed the dev set.
    Reset {
        #[arg(long)]
        yes: bool,
        /// Where the seed sets live (default: this checkout's `seeds/`).
        #[arg(long, value_name = "DIR", env = "LCFS_DB_SEEDS_DIR")]
        seeds_dir: Option<PathBuf>,
        #[command(flatten)]
        timeouts: timeouts::Timeouts,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Direction {
    Upgrade,
    Downgrade,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ErdFormat {
    Mermaid,
    Dot,
    Drawio,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SeedSet {
    Dev,
    Test,
}

impl SeedSet {
    fn folder(self) -> &'static str {
        match self {
            SeedSet::Dev => "dev",
            SeedSet::Test => "test",
        }
    }
}

/// Folders of this checkout: the binary serves the repository it was built from.
fn or_checkout(dir: Option<PathBuf>, name: &str) -> PathBuf {
    dir.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name))
}

pub async fn run(cli: Cli) -> Result<(), String> {
    let url = cli.database_url.as_deref();
    match cli.command {
        Command::Upgrade { revision, timeouts } => upgrade::upgrade(url, revision, &timeouts).await,
        Command::Downgrade {
            revision,
            yes,
            timeouts,
        } => upgrade::downgrade(url, revision, yes, &timeouts).await,
        Command::Status => inspect::status(url).await,
        Command::History => inspect::history(url).await,
        Command::Sql {
            direction,
            from,
            to,
        } => sql::print(direction, from, to),
        Command::Generate {
            message,
            migrations_dir,
        } => generate::generate(
            &or_checkout(migrations_dir, "migrations"),
            &message.join(" "),
        ),
        Command::Seed { set, seeds_dir } => {
            seed::seed(url, set, &or_checkout(seeds_dir, "seeds")).await
        }
        Command::Erd { format, domain } => erd::print(format, domain.as_deref()),
        Command::Docs { docs_dir } => erd::write(&or_checkout(docs_dir, "docs")),
        Command::Reset {
            yes,
            seeds_dir,
            timeouts,
        } => seed::reset(url, yes, &or_checkout(seeds_dir, "seeds"), &timeouts).await,
    }
}
