//! The key file: the database key, wrapped twice with XChaCha20-Poly1305,
//! once under a key derived (Argon2id) from the passphrase and once under a key
//! derived from the recovery key. No home-made crypto: RustCrypto crates only.
//!
//! Since key file version 2 the database key itself is derived from the
//! recovery key (BLAKE2b with a fixed personalisation), so that the printed
//! recovery key opens the database file, or any backup, even when the key
//! file is gone. A version 1 key file (older help points) holds a random key:
//! there the key file, or the copy of it inside every backup, is needed.

use argon2::{Algorithm, Argon2, Params, Version};
use blake2::digest::consts::U32;
use blake2::digest::Mac;
use blake2::Blake2bMac;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, Zeroizing};

use crate::{Error, Result};

/// Minimum passphrase length in characters.
pub const MIN_PASSPHRASE: usize = 10;
const AAD: &[u8] = b"buurtpunt database key v1";
/// The key file version this build writes.
const KEY_FILE_VERSION: u32 = 2;
/// Domain separation for the database key derived from the recovery key.
const RECOVERY_PERSONAL: &[u8; 16] = b"bp-db-key-rec-v2";

/// The 32-byte database key, wiped from memory when dropped.
#[derive(Clone)]
pub struct DbKey(Zeroizing<[u8; 32]>);

impl DbKey {
    pub fn random() -> Result<Self> {
        let mut k = Zeroizing::new([0u8; 32]);
        getrandom::getrandom(k.as_mut()).map_err(|e| Error::Crypto(e.to_string()))?;
        Ok(Self(k))
    }

    /// The database key of a help point started with key file version 2:
    /// derived from the recovery key alone (160 random bits, so a fast,
    /// keyed hash is enough; no passphrase-style stretching is needed).
    pub fn from_recovery_key(recovery_key: &str) -> Result<Self> {
        let norm = Zeroizing::new(normalise_recovery(recovery_key));
        if norm.len() != RECOVERY_LETTERS {
            return Err(Error::WrongRecoveryKey);
        }
        let mut mac =
            Blake2bMac::<U32>::new_with_salt_and_personal(norm.as_bytes(), &[], RECOVERY_PERSONAL)
                .map_err(|e| Error::Crypto(e.to_string()))?;
        Mac::update(&mut mac, b"buurtpunt database key");
        let mut k = Zeroizing::new([0u8; 32]);
        k.copy_from_slice(&mac.finalize().into_bytes());
        Ok(Self(k))
    }

    /// A key for another purpose, derived from this one (never the database
    /// key itself for two ciphers).
    fn subkey(&self, personal: &[u8; 16]) -> Result<Zeroizing<[u8; 32]>> {
        let mut mac = Blake2bMac::<U32>::new_with_salt_and_personal(self.0.as_ref(), &[], personal)
            .map_err(|e| Error::Crypto(e.to_string()))?;
        Mac::update(&mut mac, b"subkey");
        let mut k = Zeroizing::new([0u8; 32]);
        k.copy_from_slice(&mac.finalize().into_bytes());
        Ok(k)
    }

    /// Encrypt and authenticate `plain` under a subkey of this key.
    pub(crate) fn seal(&self, purpose: &[u8; 16], plain: &[u8]) -> Result<Sealed> {
        let key = self.subkey(purpose)?;
        let nonce: [u8; 24] = random()?;
        let ct = XChaCha20Poly1305::new(key.as_ref().into())
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plain,
                    aad: purpose,
                },
            )
            .map_err(|e| Error::Crypto(e.to_string()))?;
        Ok(Sealed {
            nonce: hex::encode(nonce),
            ciphertext: hex::encode(ct),
        })
    }

    /// The plain text of [`DbKey::seal`]; `None` when this is not the key it
    /// was sealed with (or the text was changed).
    pub(crate) fn open_sealed(
        &self,
        purpose: &[u8; 16],
        sealed: &Sealed,
    ) -> Result<Option<Vec<u8>>> {
        let parse = |s: &str| hex::decode(s).map_err(|e| Error::BadBackup(e.to_string()));
        let nonce = parse(&sealed.nonce)?;
        let ct = parse(&sealed.ciphertext)?;
        if nonce.len() != 24 {
            return Err(Error::BadBackup("nonce length".into()));
        }
        let key = self.subkey(purpose)?;
        Ok(XChaCha20Poly1305::new(key.as_ref().into())
            .decrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &ct,
                    aad: purpose,
                },
            )
            .ok())
    }

    /// The SQLCipher raw-key form: `x'…'` (64 hex digits, no KDF inside SQLCipher).
    pub(crate) fn sqlcipher_literal(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("\"x'{}'\"", hex::encode(self.0.as_ref())))
    }
}

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbKey(…)")
    }
}

/// Argon2id cost; stored in the key file so it can be raised later.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl KdfParams {
    /// OWASP's recommended Argon2id setting (19 MiB, 2 passes).
    pub const DEFAULT: KdfParams = KdfParams {
        m_kib: 19_456,
        t: 2,
        p: 1,
    };
}

/// Bytes encrypted and authenticated with a subkey of the database key.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Sealed {
    nonce: String,
    ciphertext: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Wrapped {
    salt: String,
    nonce: String,
    ciphertext: String,
}

/// What is stored in `sleutel.json`. Holds nothing readable without a secret.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeyFile {
    version: u32,
    kdf: KdfParams,
    passphrase: Wrapped,
    recovery: Wrapped,
}

/// A fresh key file with its database key and the recovery key to show once.
pub struct NewKeys {
    pub file: KeyFile,
    pub key: DbKey,
    pub recovery_key: String,
}

impl KeyFile {
    /// A new key file: the database key follows from a fresh recovery key.
    pub fn create(passphrase: &str, kdf: KdfParams) -> Result<NewKeys> {
        check_passphrase(passphrase)?;
        let recovery = recovery_key()?;
        let key = DbKey::from_recovery_key(&recovery)?;
        let file = KeyFile {
            version: KEY_FILE_VERSION,
            kdf,
            passphrase: wrap(&key, passphrase.as_bytes(), kdf)?,
            recovery: wrap(&key, normalise_recovery(&recovery).as_bytes(), kdf)?,
        };
        Ok(NewKeys {
            file,
            key,
            recovery_key: recovery,
        })
    }

    /// A key file for a database whose key follows from `recovery_key`
    /// (version 2), when the old key file is lost. The passphrase is set
    /// afterwards with [`KeyFile::set_passphrase`]; until then the
    /// passphrase slot holds a random secret nobody knows.
    pub fn rebuild(key: &DbKey, recovery_key: &str, kdf: KdfParams) -> Result<KeyFile> {
        if DbKey::from_recovery_key(recovery_key)?.0.as_ref() != key.0.as_ref() {
            return Err(Error::WrongRecoveryKey);
        }
        let placeholder: [u8; 32] = random()?;
        Ok(KeyFile {
            version: KEY_FILE_VERSION,
            kdf,
            passphrase: wrap(key, &placeholder, kdf)?,
            recovery: wrap(key, normalise_recovery(recovery_key).as_bytes(), kdf)?,
        })
    }

    pub fn unlock(&self, passphrase: &str) -> Result<DbKey> {
        unwrap(&self.passphrase, passphrase.as_bytes(), self.kdf).ok_or(Error::WrongPassphrase)?
    }

    pub fn unlock_with_recovery(&self, recovery_key: &str) -> Result<DbKey> {
        let norm = normalise_recovery(recovery_key);
        unwrap(&self.recovery, norm.as_bytes(), self.kdf).ok_or(Error::WrongRecoveryKey)?
    }

    /// Whether the database key follows from the recovery key (version 2),
    /// so that the recovery key alone opens the database file.
    pub fn key_follows_recovery(&self) -> bool {
        self.version >= 2
    }

    /// Re-wrap the same database key under a new passphrase.
    pub fn set_passphrase(&mut self, key: &DbKey, passphrase: &str) -> Result<()> {
        check_passphrase(passphrase)?;
        self.passphrase = wrap(key, passphrase.as_bytes(), self.kdf)?;
        Ok(())
    }

    pub fn to_json(&self) -> Result<String> {
        Ok(serde_json::to_string_pretty(self)?)
    }

    pub fn from_json(text: &str) -> Result<Self> {
        let file: KeyFile =
            serde_json::from_str(text).map_err(|e| Error::KeyFileDamaged(e.to_string()))?;
        if !(1..=KEY_FILE_VERSION).contains(&file.version) {
            return Err(Error::KeyFileDamaged(format!(
                "unknown key file version {}",
                file.version
            )));
        }
        Ok(file)
    }
}

pub fn check_passphrase(p: &str) -> Result<()> {
    if p.chars().count() < MIN_PASSPHRASE {
        return Err(Error::WeakPassphrase {
            min: MIN_PASSPHRASE,
        });
    }
    Ok(())
}

fn derive(secret: &[u8], salt: &[u8], kdf: KdfParams) -> Result<Zeroizing<[u8; 32]>> {
    let params =
        Params::new(kdf.m_kib, kdf.t, kdf.p, Some(32)).map_err(|e| Error::Crypto(e.to_string()))?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(secret, salt, out.as_mut())
        .map_err(|e| Error::Crypto(e.to_string()))?;
    Ok(out)
}

fn random<const N: usize>() -> Result<[u8; N]> {
    let mut b = [0u8; N];
    getrandom::getrandom(&mut b).map_err(|e| Error::Crypto(e.to_string()))?;
    Ok(b)
}

fn wrap(key: &DbKey, secret: &[u8], kdf: KdfParams) -> Result<Wrapped> {
    let salt: [u8; 16] = random()?;
    let nonce: [u8; 24] = random()?;
    let kek = derive(secret, &salt, kdf)?;
    let cipher = XChaCha20Poly1305::new(kek.as_ref().into());
    let ct = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: key.0.as_ref(),
                aad: AAD,
            },
        )
        .map_err(|e| Error::Crypto(e.to_string()))?;
    Ok(Wrapped {
        salt: hex::encode(salt),
        nonce: hex::encode(nonce),
        ciphertext: hex::encode(ct),
    })
}

/// `None` when the secret is wrong (authentication failed); `Some(Err)` when
/// the file itself is malformed.
fn unwrap(w: &Wrapped, secret: &[u8], kdf: KdfParams) -> Option<Result<DbKey>> {
    let parse = |s: &str| hex::decode(s).map_err(|e| Error::KeyFileDamaged(e.to_string()));
    let parts = parse(&w.salt).and_then(|s| Ok((s, parse(&w.nonce)?, parse(&w.ciphertext)?)));
    let (salt, nonce, ct) = match parts {
        Ok(p) => p,
        Err(e) => return Some(Err(e)),
    };
    if nonce.len() != 24 {
        return Some(Err(Error::KeyFileDamaged("nonce length".into())));
    }
    let kek = match derive(secret, &salt, kdf) {
        Ok(k) => k,
        Err(e) => return Some(Err(e)),
    };
    let cipher = XChaCha20Poly1305::new(kek.as_ref().into());
    let mut plain = cipher
        .decrypt(XNonce::from_slice(&nonce), Payload { msg: &ct, aad: AAD })
        .ok()?;
    if plain.len() != 32 {
        plain.zeroize();
        return Some(Err(Error::KeyFileDamaged("key length".into())));
    }
    let mut k = Zeroizing::new([0u8; 32]);
    k.copy_from_slice(&plain);
    plain.zeroize();
    Some(Ok(DbKey(k)))
}

const B32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// Letters in a recovery key (without dashes).
const RECOVERY_LETTERS: usize = 32;

/// 160 random bits as 32 base32 letters in groups of four: `ABCD-EFGH-…`.
fn recovery_key() -> Result<String> {
    let bytes: [u8; 20] = random()?;
    let mut bits: u64 = 0;
    let mut nbits = 0;
    let mut out = String::with_capacity(40);
    let mut n = 0;
    for b in bytes {
        bits = (bits << 8) | u64::from(b);
        nbits += 8;
        while nbits >= 5 {
            nbits -= 5;
            let idx = ((bits >> nbits) & 31) as usize;
            if n > 0 && n % 4 == 0 {
                out.push('-');
            }
            out.push(char::from(B32[idx]));
            n += 1;
        }
    }
    Ok(out)
}

/// Forgive how people type a key from paper: case, spaces, dashes, and the
/// look-alikes 0/O, 1/I, 8/B.
fn normalise_recovery(raw: &str) -> String {
    raw.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            '0' => 'O',
            '1' => 'I',
            '8' => 'B',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAST: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    #[test]
    fn passphrase_and_recovery_key_open_the_same_key() -> Result<()> {
        let new = KeyFile::create("correct horse battery", FAST)?;
        let a = new.file.unlock("correct horse battery")?;
        let b = new
            .file
            .unlock_with_recovery(&new.recovery_key.to_lowercase().replace('-', " "))?;
        assert_eq!(a.0.as_ref(), new.key.0.as_ref());
        assert_eq!(b.0.as_ref(), new.key.0.as_ref());
        Ok(())
    }

    #[test]
    fn a_wrong_passphrase_is_refused() -> Result<()> {
        let new = KeyFile::create("correct horse battery", FAST)?;
        assert!(matches!(
            new.file.unlock("Correct horse battery"),
            Err(Error::WrongPassphrase)
        ));
        assert!(matches!(
            new.file.unlock_with_recovery("AAAA-BBBB"),
            Err(Error::WrongRecoveryKey)
        ));
        Ok(())
    }

    #[test]
    fn short_passphrases_are_refused() {
        assert!(matches!(
            KeyFile::create("kort", FAST),
            Err(Error::WeakPassphrase { .. })
        ));
    }

    #[test]
    fn the_key_file_holds_no_secret_in_the_clear() -> Result<()> {
        let new = KeyFile::create("correct horse battery", FAST)?;
        let json = new.file.to_json()?;
        assert!(!json.contains(&hex::encode(new.key.0.as_ref())));
        assert!(!json.contains("correct horse"));
        let back = KeyFile::from_json(&json)?;
        back.unlock("correct horse battery")?;
        Ok(())
    }

    #[test]
    fn the_database_key_follows_from_the_recovery_key_alone() -> Result<()> {
        let new = KeyFile::create("correct horse battery", FAST)?;
        assert!(new.file.key_follows_recovery());
        let typed = new.recovery_key.to_lowercase().replace('-', " ");
        let derived = DbKey::from_recovery_key(&typed)?;
        assert_eq!(derived.0.as_ref(), new.key.0.as_ref());
        // Another key gives another database key; a short one is refused.
        let other = KeyFile::create("correct horse battery", FAST)?;
        assert_ne!(
            DbKey::from_recovery_key(&other.recovery_key)?.0.as_ref(),
            new.key.0.as_ref()
        );
        assert!(matches!(
            DbKey::from_recovery_key("ABCD-EFGH"),
            Err(Error::WrongRecoveryKey)
        ));
        Ok(())
    }

    #[test]
    fn a_version_1_key_file_still_opens() -> Result<()> {
        let new = KeyFile::create("correct horse battery", FAST)?;
        let json = new
            .file
            .to_json()?
            .replace("\"version\": 2", "\"version\": 1");
        let old = KeyFile::from_json(&json)?;
        assert!(!old.key_follows_recovery());
        old.unlock("correct horse battery")?;
        Ok(())
    }

    #[test]
    fn recovery_keys_are_32_letters_in_groups() -> Result<()> {
        let k = recovery_key()?;
        assert_eq!(k.len(), 39);
        assert_eq!(k.split('-').count(), 8);
        Ok(())
    }
}
