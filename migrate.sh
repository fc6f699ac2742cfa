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
    echo "  -h, --help    Display this help manual."
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

# Refuses a flag given more arguments than it takes, or fewer than it needs.
arity() {
    local flag=$1 given=$2 least=$3 most=$4 usage=$5
    if ((given < least || given > most)); then
        echo "Usage: $0 $flag${usage:+ $usage}" >&2
        exit 1
    fi
}

if (($# == 0)); then
    display_help
    exit 0
fi

flag=$1
shift
case "$flag" in
    -g)
        arity -g $# 1 1 "<Description of changes>"
        lcfs_db generate "$1"
        ;;
    -u)
        arity -u $# 0 1 "[revision]"
        lcfs_db upgrade "${1:-head}"
        ;;
    -d)
        arity -d $# 0 1 "[revision]"
        lcfs_db downgrade "${1:-base}" $(yes_flag)
        ;;
    -s)
        arity -s $# 0 0 ""
        lcfs_db reset $(yes_flag)
        ;;
    -h | --help)
        arity "$flag" $# 0 0 ""
        display_help
        ;;
    *)
        echo "Invalid option $flag" >&2
        display_help >&2
        exit 1
        ;;
esac
