//! The end-to-end harness: the release build of the panel (`dist/`, built by `cargo xtask
//! test`) served by the real platform server with its sandbox, driven in Debian's Chromium
//! through chromedriver.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use issuing_server::{RunningServer, ServerConfig};
use stripe_sandbox::SandboxConfig;

pub use fantoccini::elements::Element;

/// The built panel: `IA_DIST`, else `dist/` at the workspace root.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("IA_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no built panel at {} — run `cargo xtask test` (it builds the panel first: `cargo xtask dist`)",
        dir.display()
    );
    dir
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The platform server in sandbox mode, serving the built panel, on a free loopback port.
pub async fn start_server() -> RunningServer {
    start_server_on(([127, 0, 0, 1], 0).into()).await
}

/// The same, on `listen` (to start a server again where a panel expects it).
pub async fn start_server_on(listen: std::net::SocketAddr) -> RunningServer {
    // It stops by itself after 10 minutes even if the test process hangs.
    let mut config = ServerConfig::local_sandbox(SandboxConfig::default());
    config.listen = listen;
    config.static_dir = Some(dist_dir());
    RunningServer::start(config)
        .await
        .expect("the server starts")
}

/// Fails with every Content-Security-Policy violation the server's pages reported. Browsers
/// send reports a moment after the violation: the last page gets a second for that.
pub async fn assert_no_policy_violations(server: &RunningServer) {
    for _ in 0..10 {
        if !server.csp_reports().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let reports = server.csp_reports();
    assert!(
        reports.is_empty(),
        "the pages broke their Content-Security-Policy {} time(s):\n{}",
        reports.len(),
        reports
            .iter()
            .map(|r| r.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// A headless Chromium session; chromedriver is stopped when this is dropped.
pub struct Browser {
    pub client: Client,
    driver: Child,
    profile: TempDir,
}

impl Browser {
    pub async fn launch() -> Self {
        let chromedriver =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {chromedriver}: {e} (cargo xtask setup installs it)")
            });
        let profile = TempDir::new();
        let capabilities = serde_json::json!({
            "goog:chromeOptions": {
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--no-first-run", "--disable-sync", "--disable-quic",
                    "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.0.display()),
                ],
                // Downloads land in the profile, without asking, for the tests to read.
                "prefs": {
                    "download.default_directory": profile.0.join("downloads").display().to_string(),
                    "download.prompt_for_download": false,
                },
            }
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let mut builder =
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        builder.capabilities(capabilities);
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = String::new();
        for _ in 0..100 {
            match builder.connect(&url).await {
                Ok(client) => {
                    return Self {
                        client,
                        driver,
                        profile,
                    };
                }
                Err(e) => last_error = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("chromedriver did not start a session: {last_error}");
    }

    /// Opens the panel served by `server` and signs in as a sandbox operator.
    pub async fn sign_in(&self, server: &RunningServer, operator: &str) {
        self.sign_in_at(&server.url(), operator).await;
    }

    /// Opens the panel at `base` (a server, or a proxy in front of one) and signs in.
    pub async fn sign_in_at(&self, base: &str, operator: &str) {
        self.client.goto(&format!("{base}/")).await.unwrap();
        self.wait_for(&format!("[data-operator={operator}]"))
            .await
            .click()
            .await
            .unwrap();
    }

    /// Runs `script` at the start of every document loaded from now on, before the page's
    /// own scripts (Chrome DevTools' `Page.addScriptToEvaluateOnNewDocument`, through
    /// ChromeDriver): a benchmark watches a page from its first byte.
    pub async fn on_every_new_document(&self, script: &str) {
        self.client
            .issue_cmd(DevTools {
                cmd: "Page.addScriptToEvaluateOnNewDocument",
                params: serde_json::json!({ "source": script }),
            })
            .await
            .expect("ChromeDriver runs DevTools commands");
    }

    /// Milliseconds from running `act` (JS) to `shown` (a JS expression) being truthy, seen by
    /// a mutation observer at the change itself (not at the next frame: a frame is 16.7 ms).
    pub async fn time_until(&self, act: &str, shown: &str) -> f64 {
        let script = format!(
            "const done = arguments[arguments.length - 1];
             const shown = () => {shown};
             const watch = new MutationObserver(() => {{
                 if (shown()) {{ watch.disconnect(); done(performance.now() - started); }}
             }});
             watch.observe(document, {{ childList: true, subtree: true, attributes: true }});
             const started = performance.now();
             {act}"
        );
        self.client
            .execute_async(&script, Vec::new())
            .await
            .expect("the change shows")
            .as_f64()
            .expect("a time")
    }

    /// Opens `url` in the browser.
    pub async fn goto(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }

    /// Waits (up to 30 s) for an element matching the CSS selector.
    pub async fn wait_for(&self, css: &str) -> Element {
        let found = self
            .client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(Locator::Css(css))
            .await;
        match found {
            Ok(element) => element,
            Err(e) => panic!("`{css}` never appeared ({e}); {}", self.state().await),
        }
    }

    /// Where the browser is and what its page says, for a failure's message (never fails).
    async fn state(&self) -> String {
        let url = match self.client.current_url().await {
            Ok(url) => url.to_string(),
            Err(e) => format!("(unknown: {e})"),
        };
        let text = match self.client.find(Locator::Css("body")).await {
            Ok(body) => body.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        format!("the page at {url} says: {text}")
    }

    /// Waits (up to 30 s) for an element matching `css` inside the open shadow root of the
    /// element at `host` (an embedded panel's).
    pub async fn wait_in_shadow(&self, host: &str, css: &str) -> Element {
        let shadow = self.wait_for(host).await.shadow_root().await.unwrap();
        for _ in 0..300 {
            if let Ok(found) = shadow.find(Locator::Css(css)).await {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("`{css}` never appeared in {host}'s shadow root");
    }

    /// Waits until the element at `css` has text containing `needle` (up to 30 s); its text.
    pub async fn wait_text(&self, css: &str, needle: &str) -> String {
        for _ in 0..150 {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                if let Ok(text) = element.text().await {
                    if text.contains(needle) {
                        return text;
                    }
                }
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("`{css}` never said {needle:?}; {}", self.state().await);
    }

    /// Replaces the text of the field at `css` with `text`, as typed.
    pub async fn type_into(&self, css: &str, text: &str) {
        let field = self.wait_for(css).await;
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Waits for the element matching `css`, brings it to the middle of the window (as a person
    /// scrolls to what they click: chromedriver alone stops at the window's edge, under a sticky
    /// bar), then clicks it.
    pub async fn click(&self, css: &str) {
        self.scroll_to(css).await;
        self.wait_for(css).await.click().await.unwrap();
    }

    /// The page's visible text.
    pub async fn text(&self) -> String {
        self.client
            .find(Locator::Css("body"))
            .await
            .expect("a body")
            .text()
            .await
            .expect("its text")
    }

    /// Scrolls the element matching `css` to the middle of the window (for a screenshot).
    pub async fn scroll_to(&self, css: &str) {
        let element = self.wait_for(css).await;
        self.client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' })",
                vec![serde_json::to_value(element).expect("an element reference")],
            )
            .await
            .expect("scrolled");
    }

    /// Runs `script` (a function body; `return` gives the value) in the page.
    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Runs `script` until it returns something truthy (up to 30 s), and returns that.
    pub async fn wait_js(&self, what: &str, script: &str) -> serde_json::Value {
        for _ in 0..150 {
            let value = self.js(script).await;
            let truthy = match &value {
                serde_json::Value::Null | serde_json::Value::Bool(false) => false,
                serde_json::Value::String(s) => !s.is_empty(),
                serde_json::Value::Number(n) => n.as_f64() != Some(0.0),
                _ => true,
            };
            if truthy {
                return value;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("{what}: never happened");
    }

    /// Runs axe-core (npm, installed by `cargo xtask setup`) in the page, open shadow roots
    /// included, and returns its violations as `(impact, rule, help, first targets)`.
    pub async fn accessibility_violations(&self) -> Vec<(String, String, String, String)> {
        let path = std::env::var_os("IA_AXE")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                workspace_root().join("target/tools/axe/node_modules/axe-core/axe.min.js")
            });
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "no axe-core at {} ({e}) — run `cargo xtask setup`",
                path.display()
            )
        });
        self.client
            .execute(
                &format!("if (!window.axe) {{ {source} }} return true;"),
                Vec::new(),
            )
            .await
            .expect("axe-core loads in the page");
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(r.violations.map(v => [v.impact || '', v.id, v.help,
                        v.nodes.slice(0, 3).map(n => JSON.stringify(n.target)).join(' ')])))
                   .catch(e => done([['error', 'axe', String(e), '']]));",
                Vec::new(),
            )
            .await
            .expect("axe-core runs");
        serde_json::from_value(result).expect("violations as arrays")
    }

    /// Fails with the list if axe-core finds a serious or critical violation; prints the rest.
    pub async fn assert_accessible(&self, page: &str) {
        let violations = self.accessibility_violations().await;
        for (impact, rule, help, targets) in &violations {
            println!("axe [{page}] {impact} {rule}: {help} at {targets}");
        }
        let blocking: Vec<_> = violations
            .iter()
            .filter(|(impact, ..)| matches!(impact.as_str(), "serious" | "critical" | "error"))
            .collect();
        assert!(
            blocking.is_empty(),
            "{page}: serious or critical accessibility violations: {blocking:#?}"
        );
    }

    /// Saves a PNG of the page as `target/e2e/<name>.png`.
    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.expect("a screenshot");
        let dir = workspace_root().join("target/e2e");
        std::fs::create_dir_all(&dir).expect("target/e2e");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("the screenshot is saved");
    }

    /// The file the browser downloaded whose name starts with `prefix`, once it is complete
    /// (waits up to 30 s); its bytes.
    pub async fn downloaded(&self, prefix: &str) -> (String, Vec<u8>) {
        let dir = self.profile.0.join("downloads");
        for _ in 0..300 {
            let done = std::fs::read_dir(&dir)
                .into_iter()
                .flatten()
                .flatten()
                .find(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.starts_with(prefix) && !name.ends_with(".crdownload")
                });
            if let Some(file) = done {
                let name = file.file_name().to_string_lossy().into_owned();
                return (
                    name,
                    std::fs::read(file.path()).expect("the download is readable"),
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no download starting with {prefix:?} in {}", dir.display());
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A fresh Chromium profile folder, removed afterwards.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let dir = std::env::temp_dir().join(format!("ia-e2e-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a profile folder");
        Self(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Response bodies by request path, in arrival order.
type Recorded = std::sync::Arc<std::sync::Mutex<Vec<(String, Vec<u8>)>>>;

/// A loopback proxy in front of the platform server that keeps every response body, as sent
/// before any compression, so a test can prove what the server did (and did not) send to the
/// browser.
pub struct RecordingProxy {
    pub url: String,
    bodies: Recorded,
    task: tokio::task::JoinHandle<()>,
}

impl RecordingProxy {
    pub async fn start(target: &str) -> Self {
        use axum::body::{to_bytes, Body};
        use axum::extract::Request;
        use axum::response::Response;

        let bodies: Recorded = Default::default();
        let (target, kept) = (target.to_owned(), bodies.clone());
        let http = reqwest::Client::new();
        let forward = move |request: Request| {
            let (target, kept, http) = (target.clone(), kept.clone(), http.clone());
            async move {
                let (parts, body) = request.into_parts();
                let path = parts
                    .uri
                    .path_and_query()
                    .map_or("/", |p| p.as_str())
                    .to_owned();
                let body = to_bytes(body, 16 << 20).await.unwrap_or_default();
                let mut outgoing = http.request(parts.method, format!("{target}{path}"));
                for (name, value) in &parts.headers {
                    // Bodies asked for plain: a compressed body would hide what it holds from
                    // the checks (brotli keeps a small one readable, but not always).
                    if name != "host" && name != "accept-encoding" {
                        outgoing = outgoing.header(name, value);
                    }
                }
                let answer = outgoing
                    .body(body)
                    .send()
                    .await
                    .expect("the server answers");
                assert!(
                    answer.headers().get("content-encoding").is_none(),
                    "{path} came compressed: its body could not be checked"
                );
                let mut response = Response::builder().status(answer.status());
                for (name, value) in answer.headers() {
                    if name != "content-length" && name != "transfer-encoding" {
                        response = response.header(name, value);
                    }
                }
                let bytes = answer.bytes().await.unwrap_or_default().to_vec();
                kept.lock().unwrap().push((path, bytes.clone()));
                response.body(Body::from(bytes)).unwrap()
            }
        };
        let app = axum::Router::new().fallback(forward);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self { url, bodies, task }
    }

    /// Every response so far whose body contains `needle`, by path.
    pub fn responses_containing(&self, needle: &str) -> Vec<String> {
        self.bodies
            .lock()
            .unwrap()
            .iter()
            .filter(|(_, body)| String::from_utf8_lossy(body).contains(needle))
            .map(|(path, _)| path.clone())
            .collect()
    }

    pub fn response_count(&self) -> usize {
        self.bodies.lock().unwrap().len()
    }
}

impl Drop for RecordingProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The server's `/api` as a signed-in operator, to set a scene before the browser looks at it.
pub struct Api {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl Api {
    pub async fn sign_in(server: &RunningServer, operator: &str) -> Self {
        let http = reqwest::Client::new();
        let base = format!("{}/api", server.url());
        let mut api = Self {
            http,
            base,
            token: String::new(),
        };
        let signed_in = api
            .post("/sign_in", serde_json::json!({ "operator": operator }))
            .await;
        api.token = signed_in["token"].as_str().expect("a token").to_owned();
        api
    }

    /// `GET /api{path}`, which must succeed; its JSON.
    pub async fn get(&self, path: &str) -> serde_json::Value {
        let request = self.http.get(format!("{}{path}", self.base));
        Self::json(request.bearer_auth(&self.token)).await
    }

    /// `POST /api{path}` with a JSON body, which must succeed; its JSON.
    pub async fn post(&self, path: &str, body: serde_json::Value) -> serde_json::Value {
        let request = self.http.post(format!("{}{path}", self.base)).json(&body);
        Self::json(request.bearer_auth(&self.token)).await
    }

    async fn json(request: reqwest::RequestBuilder) -> serde_json::Value {
        let response = request.send().await.expect("the server answers");
        let status = response.status();
        let body: serde_json::Value = response.json().await.expect("a JSON answer");
        assert!(status.is_success(), "{status}: {body}");
        body
    }
}

/// A Chrome DevTools command sent through ChromeDriver's `goog/cdp/execute`.
#[derive(Debug)]
struct DevTools {
    cmd: &'static str,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for DevTools {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}
