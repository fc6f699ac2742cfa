use lcfs_db::PgEnum;

#[derive(Debug, Clone, Copy, PgEnum)]
#[pg_enum(type = "role_enum")]
struct Role {
    name: &'static str,
}

fn main() {}
