// Package auth holds the rules of who may log in and what each user may do:
// password hashing and policy, random tokens, roles, and the permission
// function Can. It touches no database and no network; the store keeps the
// hashes and the web layer asks Can before every action.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters: OWASP's second recommended set (19 MiB, 2 passes,
// 1 lane). A login costs a few tens of milliseconds and 19 MiB, which keeps
// 50 concurrent logins within memory on a small server; a stolen hash still
// costs an attacker the same per guess.
const (
	argonMemory  = 19 * 1024 // KiB
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// ErrBadHash is returned by VerifyPassword for a stored hash it cannot read.
var ErrBadHash = errors.New("auth: unrecognised password hash")

// HashPassword returns password hashed with argon2id and a random salt, in
// the PHC string format ($argon2id$v=19$m=…,t=…,p=…$salt$hash) so that the
// parameters travel with the hash and can be raised later.
func HashPassword(password string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("auth: reading random salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

type argonHash struct {
	memory  uint32
	time    uint32
	threads uint8
	salt    []byte
	key     []byte
}

func parseHash(encoded string) (argonHash, error) {
	var h argonHash
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return h, ErrBadHash
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return h, ErrBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &h.memory, &h.time, &h.threads); err != nil {
		return h, ErrBadHash
	}
	var err error
	b64 := base64.RawStdEncoding
	if h.salt, err = b64.DecodeString(parts[4]); err != nil {
		return h, ErrBadHash
	}
	if h.key, err = b64.DecodeString(parts[5]); err != nil || len(h.key) == 0 {
		return h, ErrBadHash
	}
	if h.memory == 0 || h.time == 0 || h.threads == 0 {
		return h, ErrBadHash
	}
	return h, nil
}

// VerifyPassword reports whether password matches encoded, a hash made by
// HashPassword. The comparison takes the same time whatever the mismatch.
func VerifyPassword(encoded, password string) (bool, error) {
	h, err := parseHash(encoded)
	if err != nil {
		return false, err
	}
	key := argon2.IDKey([]byte(password), h.salt, h.time, h.memory, h.threads, uint32(len(h.key)))
	return subtle.ConstantTimeCompare(key, h.key) == 1, nil
}

// NeedsRehash reports whether encoded was made with weaker parameters than
// HashPassword uses now, so that a login can store a fresh hash.
func NeedsRehash(encoded string) bool {
	h, err := parseHash(encoded)
	return err != nil || h.memory < argonMemory || h.time < argonTime || len(h.key) < argonKeyLen
}

// dummyHash returns the hash verified against when a user does not exist,
// so that a login for an unknown name costs as long as one with a wrong
// password. It is made on the first such login, not at start: a hash costs
// a full argon2id run (tens of milliseconds and 19 MiB), which every
// command would otherwise pay. That first unknown-user login costs one
// hash more than later ones, once per process: it tells an observer
// nothing about which names exist.
var dummyHash = sync.OnceValue(func() string {
	h, err := HashPassword("qiangxian: no such user")
	if err != nil {
		panic(err)
	}
	return h
})

// VerifyNothing spends the time of one password check and returns false. A
// login handler calls it when the user is unknown, so that response times do
// not reveal which usernames exist.
func VerifyNothing(password string) bool {
	VerifyPassword(dummyHash(), password)
	return false
}
