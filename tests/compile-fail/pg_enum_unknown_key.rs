use lcfs_db::PgEnum;

#[derive(Debug, Clone, Copy, PgEnum)]
#[pg_enum(type = "role_enum")]
enum Role {
    #[pg_enum(name = "GOVERNMENT")]
    Government,
}

fn main() {}
