//! A private PostgreSQL cluster started from the server binaries on this machine.
