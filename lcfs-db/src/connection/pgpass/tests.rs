//! Matching, escapes and permissions, as libpq reads the file.

use super::*;

fn config(url: &str) -> Config {
    url.parse().unwrap()
}

fn find(text: &str, url: &str) -> Option<String> {
    let key = Key::of(&config(url)).unwrap();
    text.lines().find_map(|line| key.password_on(line))
}

#[test]
fn the_first_matching_line_wins_and_stars_match_anything() {
    let file = "# comment\ndb:5432:lcfs:app:first\n*:*:*:app:second\n*:*:*:*:any\n";
    assert_eq!(
        find(file, "postgres://app@db/lcfs").as_deref(),
        Some("first")
    );
    assert_eq!(
        find(file, "postgres://app@db:6543/x").as_deref(),
        Some("second")
    );
    assert_eq!(find(file, "postgres://bob@h/x").as_deref(), Some("any"));
    assert_eq!(find("db:5432:lcfs:app:pw", "postgres://app@db/other"), None);
}

#[test]
fn backslashes_escape_colons_backslashes_and_stars() {
    let file = "db:5432:*:a\\:b:p\\:w\\\\d\n\\*:5432:*:*:literal-star\n";
    assert_eq!(
        find(file, "postgres://a%3Ab@db/x").as_deref(),
        Some("p:w\\d")
    );
    assert_eq!(
        find(file, "postgres://u@%2A/x").as_deref(),
        Some("literal-star")
    );
    assert_eq!(find(file, "postgres://u@other/x"), None);
}

#[test]
fn the_database_defaults_to_the_user_and_sockets_match_their_directory() {
    assert_eq!(
        find("h:5432:app:app:pw", "postgres://app@h").as_deref(),
        Some("pw")
    );
    let socket = "localhost:5432:*:*:default\n/tmp/s:5432:*:*:custom\n";
    let default = "postgres://u@%2Fvar%2Frun%2Fpostgresql/x";
    assert_eq!(find(socket, default).as_deref(), Some("default"));
    assert_eq!(
        find(socket, "postgres://u@%2Ftmp%2Fs/x").as_deref(),
        Some("custom")
    );
}

#[test]
fn short_lines_and_carriage_returns() {
    assert_eq!(find("h:5432:x:u\n", "postgres://u@h/x"), None);
    assert_eq!(
        find("h:5432:x:u:pw\r\n", "postgres://u@h/x").as_deref(),
        Some("pw")
    );
}

#[test]
fn a_readable_file_is_ignored_and_a_private_one_is_read() {
    let dir = std::env::temp_dir().join(format!("lcfs-db-pgpass-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("pgpass");
    std::fs::write(&file, "*:*:*:*:secret\n").unwrap();
    let target = config("postgres://u@h/x");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(lookup(&file, &target), None);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(lookup(&file, &target).as_deref(), Some("secret"));
    assert_eq!(
        lookup(&dir, &target),
        None,
        "a folder is not a password file"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
