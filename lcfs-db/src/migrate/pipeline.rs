//! Queries sent one after another without waiting for each answer. The server still runs them
//! in order, one at a time, each as its own statement, but no round trip is paid between them;
//! their answers come back in the same order.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use futures_util::future::{MaybeDone, maybe_done};
use tokio_postgres::Client;

type Reply<'a> = Pin<Box<dyn Future<Output = Result<(), tokio_postgres::Error>> + Send + 'a>>;

/// Queries on their way, and their answers as they arrive.
pub(crate) struct Pipeline<'a> {
    replies: VecDeque<MaybeDone<Reply<'a>>>,
}

impl<'a> Pipeline<'a> {
    /// Sends every query now, in order: tokio-postgres sends a request when its future is first
    /// polled, so each is polled once here, in the order given.
    pub fn send(client: &'a Client, queries: impl IntoIterator<Item = &'a str>) -> Self {
        let mut context = Context::from_waker(Waker::noop());
        let replies = queries
            .into_iter()
            .map(|query| {
                let mut reply = maybe_done(Box::pin(client.batch_execute(query)) as Reply<'a>);
                // A reply ready at once (a connection already closed) keeps its result.
                let _: Poll<()> = Pin::new(&mut reply).poll(&mut context);
                reply
            })
            .collect();
        Pipeline { replies }
    }

    /// The answer to the next query, in the order they were sent; `None` after the last.
    /// Dropping the pipeline early is fine: the server runs what was sent all the same, and
    /// the connection discards answers nobody waits for.
    pub async fn next(&mut self) -> Option<Result<(), tokio_postgres::Error>> {
        let mut reply = self.replies.pop_front()?;
        (&mut reply).await;
        Pin::new(&mut reply).take_output()
    }
}
