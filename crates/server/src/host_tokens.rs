//! Operators from the host dashboard's own sign-in. Its backend, which knows who is signed in,
//! mints a short-lived JWT; the panel sends it as its bearer token and the server checks it
//! here: signature (HS256 with a shared secret, or RS256 / ES256 / EdDSA with the host's public
//! key from a PEM or a JWKS file), `exp` (required, at most an hour after `iat`), `iat`, `nbf`,
//! `aud`, `iss` if configured; the claims `sub`, `name`, `role`, `accounts` name the operator.

use std::path::PathBuf;

use issuing_model::{AccountAccess, AccountId, OperatorProfile, Role};
use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, JwkSet};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

/// The longest a host token may live, from `iat` to `exp`.
pub const MAX_LIFETIME_SECS: i64 = 3600;
/// Clock difference allowed between the host and this server.
const LEEWAY_SECS: u64 = 60;
/// The audience when none is configured.
pub const DEFAULT_AUDIENCE: &str = "issuing-admin";

/// Where the keys come from.
#[derive(Clone)]
pub enum HostKeys {
    /// HS256 with a secret shared with the host (at least 32 bytes).
    Secret(Vec<u8>),
    /// The host's public key, PEM (RSA → RS256, P-256 → ES256, Ed25519 → EdDSA).
    Pem(PathBuf),
    /// The host's public keys as a JWKS file; a token names its key with `kid`.
    Jwks(PathBuf),
}

impl std::fmt::Debug for HostKeys {
    // A shared secret never shows in a debug print.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Secret(_) => f.write_str("Secret(…)"),
            Self::Pem(path) => write!(f, "Pem({})", path.display()),
            Self::Jwks(path) => write!(f, "Jwks({})", path.display()),
        }
    }
}

#[derive(Debug, Clone)]
pub struct HostTokenConfig {
    pub keys: HostKeys,
    pub audience: String,
    pub issuer: Option<String>,
}

/// The claims a host token carries.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HostClaims {
    /// The operator's id in the host's own system.
    pub sub: String,
    pub name: String,
    pub role: Role,
    /// `"*"` for every connected account, or a list of `acct_…`.
    pub accounts: AccountsClaim,
    /// May reveal card numbers in Stripe's card component; if left out, editors may.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reveal_card_numbers: Option<bool>,
    /// A string or a list; checked against the configured audience.
    pub aud: serde_json::Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iss: Option<String>,
    pub iat: i64,
    pub exp: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AccountsClaim {
    /// `"*"`
    All(String),
    Only(Vec<AccountId>),
}

/// Why a token was refused (said in the server's log; the caller gets one 401 for all).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Refused {
    #[error("not a signed token this server takes: {0}")]
    Invalid(String),
    #[error("expired")]
    Expired,
    #[error("not valid yet (nbf)")]
    NotYetValid,
    #[error("no key with this kid")]
    UnknownKey,
    #[error("it lives {0} s, more than an hour")]
    TooLong(i64),
    #[error("issued in the future")]
    IssuedLater,
    #[error("accounts must be \"*\" or a list of acct_… ids")]
    Accounts,
}

/// One key the server checks signatures with.
struct Key {
    kid: Option<String>,
    algorithm: Algorithm,
    decoding: DecodingKey,
}

pub struct HostTokens {
    keys: Vec<Key>,
    audience: String,
    issuer: Option<String>,
}

impl HostTokens {
    pub fn load(config: &HostTokenConfig) -> Result<Self, String> {
        let keys = match &config.keys {
            HostKeys::Secret(secret) => {
                if secret.len() < 32 {
                    return Err("the host token secret must be at least 32 bytes".into());
                }
                vec![Key {
                    kid: None,
                    algorithm: Algorithm::HS256,
                    decoding: DecodingKey::from_secret(secret),
                }]
            }
            HostKeys::Pem(path) => {
                let pem = std::fs::read(path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                let (algorithm, decoding) = pem_key(&pem).ok_or_else(|| {
                    format!(
                        "{} is not an RSA, P-256 or Ed25519 public key in PEM",
                        path.display()
                    )
                })?;
                vec![Key {
                    kid: None,
                    algorithm,
                    decoding,
                }]
            }
            HostKeys::Jwks(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                let set: JwkSet = serde_json::from_str(&text)
                    .map_err(|e| format!("{} is not a JWKS: {e}", path.display()))?;
                let keys = set
                    .keys
                    .iter()
                    .filter_map(|jwk| {
                        let algorithm = match &jwk.algorithm {
                            AlgorithmParameters::RSA(_) => Algorithm::RS256,
                            AlgorithmParameters::EllipticCurve(ec)
                                if ec.curve == EllipticCurve::P256 =>
                            {
                                Algorithm::ES256
                            }
                            AlgorithmParameters::OctetKeyPair(_) => Algorithm::EdDSA,
                            // Shared secrets have no place in a file of public keys.
                            _ => return None,
                        };
                        Some(Key {
                            kid: jwk.common.key_id.clone(),
                            algorithm,
                            decoding: DecodingKey::from_jwk(jwk).ok()?,
                        })
                    })
                    .collect::<Vec<_>>();
                if keys.is_empty() {
                    return Err(format!(
                        "{} holds no RSA, P-256 or Ed25519 public key",
                        path.display()
                    ));
                }
                keys
            }
        };
        Ok(Self {
            keys,
            audience: config.audience.clone(),
            issuer: config.issuer.clone(),
        })
    }

    /// Whether `token` has a JWT's shape (three dot-separated parts), so it is checked here
    /// and not looked up among the static tokens.
    pub fn looks_like_one(token: &str) -> bool {
        token.split('.').count() == 3
    }

    /// The operator `token` names, if it is one this server takes at `now` (Unix seconds).
    pub fn verify(&self, token: &str, now: i64) -> Result<OperatorProfile, Refused> {
        let header =
            jsonwebtoken::decode_header(token).map_err(|e| Refused::Invalid(e.to_string()))?;
        let key = match &header.kid {
            Some(kid) => self.keys.iter().find(|k| k.kid.as_deref() == Some(kid)),
            None => self.keys.first().filter(|_| self.keys.len() == 1),
        }
        .ok_or(Refused::UnknownKey)?;
        // The key decides the algorithm, never the token: `none`, or HS256 signed with an
        // RSA public key as the secret, is refused here.
        let mut validation = Validation::new(key.algorithm);
        validation.set_audience(&[&self.audience]);
        if let Some(issuer) = &self.issuer {
            validation.set_issuer(&[issuer]);
        }
        validation.set_required_spec_claims(&["exp", "iat", "aud", "sub"]);
        // Times are checked below against the caller's clock (the crate reads the system's).
        validation.validate_exp = false;
        validation.validate_nbf = false;
        let claims = jsonwebtoken::decode::<HostClaims>(token, &key.decoding, &validation)
            .map_err(|e| Refused::Invalid(e.to_string()))?
            .claims;
        let leeway = LEEWAY_SECS as i64;
        if now > claims.exp + leeway {
            return Err(Refused::Expired);
        }
        if claims.nbf.is_some_and(|nbf| now + leeway < nbf) {
            return Err(Refused::NotYetValid);
        }
        if claims.iat > now + leeway {
            return Err(Refused::IssuedLater);
        }
        if claims.exp - claims.iat > MAX_LIFETIME_SECS {
            return Err(Refused::TooLong(claims.exp - claims.iat));
        }
        let accounts = match claims.accounts {
            AccountsClaim::All(star) if star == "*" => AccountAccess::All,
            AccountsClaim::All(_) => return Err(Refused::Accounts),
            AccountsClaim::Only(ids) => {
                AccountAccess::Only(ids.iter().map(|id| id.to_string()).collect())
            }
        };
        Ok(OperatorProfile {
            reveal_card_numbers: claims
                .reveal_card_numbers
                .unwrap_or(claims.role == Role::Editor),
            id: claims.sub,
            name: claims.name,
            role: claims.role,
            accounts,
        })
    }
}

/// An RSA, P-256 or Ed25519 public key in PEM, with the algorithm it signs with.
fn pem_key(pem: &[u8]) -> Option<(Algorithm, DecodingKey)> {
    if let Ok(key) = DecodingKey::from_rsa_pem(pem) {
        return Some((Algorithm::RS256, key));
    }
    if let Ok(key) = DecodingKey::from_ec_pem(pem) {
        return Some((Algorithm::ES256, key));
    }
    DecodingKey::from_ed_pem(pem)
        .ok()
        .map(|key| (Algorithm::EdDSA, key))
}

/// The sandbox's stand-in for a host backend: it signs with its own secret what a host would
/// sign with the shared one, so the embedding example shows the real flow offline.
pub struct SandboxMinter {
    secret: Vec<u8>,
}

impl SandboxMinter {
    pub fn new() -> Self {
        let secret = format!(
            "{}{}",
            uuid::Uuid::new_v4().simple(),
            uuid::Uuid::new_v4().simple()
        );
        Self {
            secret: secret.into_bytes(),
        }
    }

    /// What the server checks the minted tokens with.
    pub fn config(&self) -> HostTokenConfig {
        HostTokenConfig {
            keys: HostKeys::Secret(self.secret.clone()),
            audience: DEFAULT_AUDIENCE.into(),
            issuer: None,
        }
    }

    /// A token for `operator`, valid for `lifetime` seconds from `now`.
    pub fn mint(&self, operator: &OperatorProfile, now: i64, lifetime: i64) -> String {
        let claims = HostClaims {
            sub: operator.id.clone(),
            name: operator.name.clone(),
            role: operator.role,
            accounts: match &operator.accounts {
                AccountAccess::All => AccountsClaim::All("*".into()),
                AccountAccess::Only(ids) => {
                    AccountsClaim::Only(ids.iter().filter_map(|id| id.parse().ok()).collect())
                }
            },
            reveal_card_numbers: Some(operator.reveal_card_numbers),
            aud: DEFAULT_AUDIENCE.into(),
            iss: None,
            iat: now,
            exp: now + lifetime,
            nbf: None,
        };
        // Signing with an HMAC key cannot fail.
        jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(&self.secret),
        )
        .unwrap_or_default()
    }
}

impl Default for SandboxMinter {
    fn default() -> Self {
        Self::new()
    }
}
