#!/usr/bin/env bash
# LCFS's migrate.sh, kept for its flags: every action is the lcfs-db binary's.
# -d and -s ask for confirmation; without a terminal set LCFS_DB_YES=1 to confirm.
# LCFS_DB_BIN runs an already built binary instead of the release build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

display_help() {
    echo "Usage: $0 [option]"
    echo "Options:"
    echo "  -g <message>  Generate new migration with a description."
    echo "  -u [revision] Upgrade the database to a specific revision or to the latest ('head')."
    echo "  -d [revision] Downgrade the database to a specific revision or to the base."
    echo "  -s            Reset the database (base, then head) and load the dev seed data."
    echo "  -h            Display this help manual."
}

lcfs_db() {
    if [[ -n "${LCFS_DB_BIN:-}" ]]; then
        "$LCFS_DB_BIN" "$@"
        return
    fi
    # cargo rebuilds only when a source or migration changed.
    cargo build --release --quiet --bin lcfs-db --manifest-path "$root/Cargo.toml"
    "${CARGO_TARGET_DIR:-$root/target}/release/lcfs-db" "$@"
}

yes_flag() {
    if [[ "${LCFS_DB_YES:-}" == 1 ]]; then echo --yes; fi
}

if (($# == 0)); then
    display_help
    exit 0
fi

case "$1" in
    -g)
        if (($# != 2)); then
            echo "Usage: $0 -g <Description of changes>" >&2
            exit 1
        fi
        lcfs_db generate "$2"
        ;;
    -u) lcfs_db upgrade "${2:-head}" ;;
    -d) lcfs_db downgrade "${2:-base}" $(yes_flag) ;;
    -s) lcfs_db reset $(yes_flag) ;;
    -h) display_help ;;
    *)
        echo "Invalid option $1" >&2
        display_help >&2
        exit 1
        ;;
esac
