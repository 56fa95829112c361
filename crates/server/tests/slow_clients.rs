//! Clients that connect and then send nothing, or too little: the server cuts them off after
//! its timeouts and keeps answering everyone else, also at its connection limit.

mod support;

use std::time::Duration;

use issuing_server::serve::ConnectionLimits;
use issuing_server::ServerConfig;
use reqwest::StatusCode;
use stripe_sandbox::SandboxConfig;
use support::Api;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn server(max_connections: usize) -> Api {
    let mut config = ServerConfig::local_sandbox(SandboxConfig {
        large_account_cards: 10,
        ..Default::default()
    });
    config.limits = ConnectionLimits {
        header_read_timeout: Duration::from_millis(400),
        body_read_timeout: Duration::from_millis(400),
        max_connections,
    };
    Api::with(config).await
}

/// A connection that sends `bytes` and then nothing more.
async fn stuck(api: &Api, bytes: &str) -> TcpStream {
    let mut socket = TcpStream::connect(api.server.addr()).await.unwrap();
    socket.write_all(bytes.as_bytes()).await.unwrap();
    socket
}

/// What the server sends before it closes the connection (bounded: a test never hangs).
async fn until_closed(mut socket: TcpStream) -> String {
    let mut got = Vec::new();
    tokio::time::timeout(Duration::from_secs(20), socket.read_to_end(&mut got))
        .await
        .expect("the server closes a stuck connection")
        .ok();
    String::from_utf8_lossy(&got).into_owned()
}

const HALF_A_HEAD: &str = "GET /api/config HTTP/1.1\r\nHost: 127.0.0.1\r\n";

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off() {
    let api = server(64).await;
    let socket = stuck(&api, HALF_A_HEAD).await;
    until_closed(socket).await;
    // One that sends nothing at all, too.
    let socket = stuck(&api, "").await;
    until_closed(socket).await;
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed() {
    let api = server(64).await;
    let socket = stuck(&api, "GET /api/config HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").await;
    let answer = until_closed(socket).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn a_body_that_never_arrives_is_a_408_in_stripes_shape() {
    let api = server(64).await;
    let token = api.token("op_aiko").await;
    let socket = stuck(
        &api,
        &format!(
            "POST /api/accounts/acct_1SbxUSNorthwnd/cards/ic_1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\
             Authorization: Bearer {token}\r\nContent-Type: application/json\r\n\
             Content-Length: 100\r\n\r\n{{\"reason\":"
        ),
    )
    .await;
    let answer = until_closed(socket).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"error\""), "{answer}");
}

#[tokio::test]
async fn at_the_connection_limit_stuck_clients_do_not_stop_the_server_answering() {
    let api = server(4).await;
    let mut stuck_ones = Vec::new();
    for _ in 0..4 {
        stuck_ones.push(stuck(&api, HALF_A_HEAD).await);
    }
    // Every slot is taken by a client that sends nothing more; they are cut off, and this
    // request is answered once they are.
    let answer = reqwest::Client::new()
        .get(api.url("/api/config"))
        .timeout(Duration::from_secs(20))
        .send()
        .await
        .expect("answered");
    assert_eq!(answer.status(), StatusCode::OK);
    drop(stuck_ones);
}
