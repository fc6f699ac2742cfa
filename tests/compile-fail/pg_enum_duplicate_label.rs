use lcfs_db::PgEnum;

#[derive(Debug, Clone, Copy, PgEnum)]
#[pg_enum(type = "role_enum")]
enum Role {
    #[pg_enum(label = "GOVERNMENT")]
    Government,
    #[pg_enum(label = "GOVERNMENT")]
    Administrator,
}

fn main() {}
