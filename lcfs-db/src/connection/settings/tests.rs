//! The order each field is looked for in, with the environment and password files in hand.

use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use super::*;
use crate::connection::display_url;

fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + use<> {
    let vars: Vec<(String, String)> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
}

fn shown(settings: &Settings) -> String {
    display_url(settings.config())
}

#[test]
fn the_url_beats_database_url_which_beats_lcfs_variables() {
    let all = env(&[
        ("DATABASE_URL", "postgres://a@h1/db1"),
        ("LCFS_DB_HOST", "h2"),
    ]);
    let given = Settings::resolve(Some("postgres://b@h0/db0"), &all).unwrap();
    assert_eq!(shown(&given), "postgresql://b@h0:5432/db0");
    assert_eq!(given.origin(Field::Dbname), Some(&Origin::Url));
    let url = Settings::resolve(None, &all).unwrap();
    assert_eq!(
        url.origin(Field::Host),
        Some(&Origin::Variable("DATABASE_URL"))
    );
    assert_eq!(url.chosen_by().to_string(), "DATABASE_URL");
    let lcfs = Settings::resolve(None, env(&[("LCFS_DB_HOST", "h2"), ("LCFS_DB_BASE", "x")]));
    let lcfs = lcfs.unwrap();
    assert_eq!(shown(&lcfs), "postgresql://lcfs:***@h2:5432/x");
    assert_eq!(
        lcfs.chosen_by().to_string(),
        "host from LCFS_DB_HOST, port, user and password from the defaults, database from \
         LCFS_DB_BASE"
    );
}

#[test]
fn nothing_set_means_lcfs_defaults() {
    let settings = Settings::resolve(None, env(&[])).unwrap();
    assert!(settings.nothing_configured());
    assert_eq!(
        shown(&settings),
        "postgresql://lcfs:***@localhost:5432/lcfs"
    );
    assert_eq!(
        settings.config().get_password(),
        Some(&b"development_only"[..])
    );
    assert_eq!(settings.chosen_by().to_string(), "the defaults");
    let moved = Settings::resolve(None, env(&[("LCFS_DB_DEFAULT_ADDRESS", "127.0.0.1:6")]));
    let moved = moved.unwrap();
    assert!(moved.nothing_configured());
    assert_eq!(shown(&moved), "postgresql://lcfs:***@127.0.0.1:6/lcfs");
}

#[test]
fn lcfs_variables_beat_libpq_variables_field_by_field() {
    let settings = Settings::resolve(
        None,
        env(&[
            ("LCFS_DB_HOST", "lcfs-host"),
            ("PGHOST", "pg-host"),
            ("PGPORT", "6543"),
            ("PGUSER", "pg-user"),
            ("LCFS_DB_PASS", "lcfs-pass"),
            ("PGPASSWORD", "pg-pass"),
            ("PGDATABASE", "pg-db"),
        ]),
    )
    .unwrap();
    assert!(!settings.nothing_configured());
    assert_eq!(
        shown(&settings),
        "postgresql://pg-user:***@lcfs-host:6543/pg-db"
    );
    assert_eq!(settings.config().get_password(), Some(&b"lcfs-pass"[..]));
    assert_eq!(
        settings.origin(Field::Port),
        Some(&Origin::Variable("PGPORT"))
    );
}

#[test]
fn a_url_is_completed_by_libpq_variables_but_not_by_lcfs_ones() {
    let vars = env(&[
        ("PGHOST", "db"),
        ("PGPASSWORD", "pg-pass"),
        ("PGPORT", "6543"),
        ("LCFS_DB_PORT", "7000"),
        ("LCFS_DB_PASS", "lcfs-pass"),
    ]);
    let settings = Settings::resolve(Some("postgres://app@"), &vars).unwrap();
    assert_eq!(shown(&settings), "postgresql://app:***@db:6543/app");
    assert_eq!(settings.config().get_password(), Some(&b"pg-pass"[..]));
    // A URL naming a host names its port too, 5432 when it gives none (tokio-postgres's reading).
    let named = Settings::resolve(Some("postgres://app@h/x"), &vars).unwrap();
    assert_eq!(shown(&named), "postgresql://app:***@h:5432/x");
    let bare = Settings::resolve(Some("postgres://app@db/x"), env(&[])).unwrap();
    assert_eq!(
        bare.config().get_password(),
        None,
        "no development password for a URL"
    );
    assert_eq!(bare.origin(Field::Password), None);
}

#[test]
fn a_password_file_answers_when_no_variable_does() {
    let dir = std::env::temp_dir().join(format!("lcfs-db-settings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(".pgpass");
    std::fs::write(&file, "db:5432:lcfs:app:from-file\n").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let home = dir.to_str().unwrap();
    let settings = Settings::resolve(Some("postgres://app@db/lcfs"), env(&[("HOME", home)]));
    let settings = settings.unwrap();
    assert_eq!(settings.config().get_password(), Some(&b"from-file"[..]));
    assert_eq!(
        settings.origin(Field::Password),
        Some(&Origin::PasswordFile(file.clone()))
    );
    assert_eq!(
        settings.chosen_by().to_string(),
        format!(
            "host, port, user and database from the URL given, password from {}",
            file.display()
        )
    );
    let other = dir.join("elsewhere");
    std::fs::rename(&file, &other).unwrap();
    let vars = env(&[("HOME", home), ("PGPASSFILE", other.to_str().unwrap())]);
    let settings = Settings::resolve(Some("postgres://app@db/lcfs"), vars).unwrap();
    assert_eq!(settings.config().get_password(), Some(&b"from-file"[..]));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn timeouts_keepalives_and_application_name_have_defaults_a_url_overrides() {
    let plain = Settings::resolve(Some("postgres://u@h/x"), env(&[])).unwrap();
    let config = plain.config();
    assert_eq!(config.get_connect_timeout(), Some(&Duration::from_secs(10)));
    assert_eq!(config.get_keepalives_idle(), Duration::from_secs(30));
    assert_eq!(config.get_application_name(), Some("lcfs-db"));
    let url = "postgres://u@h/x?connect_timeout=3&keepalives_idle=99&application_name=app";
    let tuned = Settings::resolve(Some(url), env(&[("PGCONNECT_TIMEOUT", "7")])).unwrap();
    let config = tuned.config();
    assert_eq!(config.get_connect_timeout(), Some(&Duration::from_secs(3)));
    assert_eq!(config.get_keepalives_idle(), Duration::from_secs(99));
    assert_eq!(config.get_application_name(), Some("app"));
    let from_env = Settings::resolve(None, env(&[("PGCONNECT_TIMEOUT", "7")])).unwrap();
    assert_eq!(
        from_env.config().get_connect_timeout(),
        Some(&Duration::from_secs(7))
    );
}

#[test]
fn bad_values_are_named_and_passwords_never_print() {
    let settings = Settings::resolve(Some("postgres://u:secret@db.example:6543/lcfs"), env(&[]));
    assert_eq!(
        shown(&settings.unwrap()),
        "postgresql://u:***@db.example:6543/lcfs"
    );
    let error = Settings::resolve(None, env(&[("LCFS_DB_PORT", "five")])).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("LCFS_DB_PORT is not a number: \"five\""),
        "{error}"
    );
    let error = Settings::resolve(None, env(&[("DATABASE_URL", "postgres://u:pw@h:x/d")]));
    let error = error.unwrap_err().to_string();
    assert!(
        error.starts_with("DATABASE_URL is not a PostgreSQL connection URL: "),
        "{error}"
    );
    assert!(!error.contains("pw"), "{error}");
    let empty = Settings::resolve(None, env(&[("DATABASE_URL", ""), ("PGHOST", "")])).unwrap();
    assert!(empty.nothing_configured(), "empty variables count as unset");
}
