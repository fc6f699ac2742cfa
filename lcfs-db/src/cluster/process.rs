//! The `postgres` process: started from a thread of its own that reaps it, either bound to
//! this process's life or detached from it.

use std::io;
use std::os::unix::process::CommandExt;
use std::process::Command;
use std::sync::mpsc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::{Error, ErrorKind};

/// How long the server lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lifetime {
    /// Killed (SIGQUIT, immediate shutdown) when this process dies, however it dies.
    ThisProcess,
    /// In a session of its own: outlives this process and ignores its terminal's Ctrl-C.
    Detached,
}

/// A running postmaster.
#[derive(Debug)]
pub(crate) struct ServerProcess {
    pid: i32,
    /// The thread that started the server and waits for it; absent for a server found running.
    reaper: Option<JoinHandle<()>>,
}

impl ServerProcess {
    /// Starts `command`. Its spawning thread lives exactly as long as the server: the kernel's
    /// parent-death signal follows the spawning *thread*, so a short-lived thread would take
    /// the server down with it.
    pub fn spawn(mut command: Command, lifetime: Lifetime) -> Result<Self, Error> {
        // SAFETY: getpid has no preconditions.
        let parent = unsafe { libc::getpid() };
        // SAFETY: the hook only makes async-signal-safe calls (prctl, getppid, setsid).
        unsafe {
            command.pre_exec(move || match lifetime {
                Lifetime::ThisProcess => {
                    if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGQUIT) != 0 {
                        return Err(io::Error::last_os_error());
                    }
                    // This process died before the signal was armed: nobody would kill us.
                    match libc::getppid() == parent {
                        true => Ok(()),
                        false => Err(io::Error::other("the starting process exited")),
                    }
                }
                Lifetime::Detached => match libc::setsid() {
                    -1 => Err(io::Error::last_os_error()),
                    _ => Ok(()),
                },
            });
        }
        let (started, pid) = mpsc::channel();
        let reaper = thread::Builder::new()
            .name("lcfs-db-postgres".into())
            .spawn(move || match command.spawn() {
                Ok(mut child) => {
                    let _ = started.send(Ok(child.id() as i32));
                    let _ = child.wait();
                }
                Err(error) => {
                    let _ = started.send(Err(error));
                }
            })
            .map_err(|e| cluster_error("starting a thread for postgres", e))?;
        let pid = pid
            .recv()
            .map_err(|e| cluster_error("starting postgres", e))?
            .map_err(|e| cluster_error("starting postgres", e))?;
        Ok(ServerProcess {
            pid,
            reaper: Some(reaper),
        })
    }

    /// A server some earlier process started.
    pub fn running(pid: i32) -> Self {
        ServerProcess { pid, reaper: None }
    }

    pub fn pid(&self) -> i32 {
        self.pid
    }

    pub fn has_exited(&self) -> bool {
        match &self.reaper {
            Some(reaper) => reaper.is_finished(),
            None => !is_alive(self.pid),
        }
    }

    /// Sends `signal` and waits up to `timeout` for the server to be gone.
    pub fn stop(&mut self, signal: i32, timeout: Duration) -> Result<(), Error> {
        if !self.has_exited() {
            // SAFETY: kill has no memory preconditions; the pid is our server's.
            unsafe { libc::kill(self.pid, signal) };
        }
        let deadline = Instant::now() + timeout;
        while !self.has_exited() {
            if Instant::now() > deadline {
                return Err(Error::new(
                    ErrorKind::Cluster,
                    format!(
                        "postgres (pid {}) did not stop within {timeout:?}",
                        self.pid
                    ),
                ));
            }
            thread::sleep(Duration::from_millis(10));
        }
        if let Some(reaper) = self.reaper.take() {
            let _ = reaper.join();
        }
        Ok(())
    }
}

/// Whether a process with this id exists (EPERM: it does, as another user) and is not a
/// zombie: a detached server that exited stays one where nobody reaps orphans (containers).
pub(crate) fn is_alive(pid: i32) -> bool {
    // SAFETY: signal 0 only checks for existence.
    let exists = pid > 0
        && (unsafe { libc::kill(pid, 0) } == 0
            || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM));
    exists && !is_zombie(pid)
}

/// `/proc/<pid>/stat`'s state field, which follows the parenthesized command name.
fn is_zombie(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z'))
    })
}

pub(crate) fn cluster_error(
    what: &str,
    source: impl std::error::Error + Send + Sync + 'static,
) -> Error {
    Error::new(ErrorKind::Cluster, what).with_source(source)
}
