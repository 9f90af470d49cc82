package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

// TokenBytes is the entropy of a session or API token: 256 bits.
const TokenBytes = 32

// NewToken returns a random token for a session or the API, URL-safe.
func NewToken() (string, error) {
	b := make([]byte, TokenBytes)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("auth: reading random token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// HashToken returns the form in which a token is stored: its SHA-256 in hex.
// A plain hash suffices (no salt, no stretching) because the token carries
// 256 random bits; whoever reads the database cannot use the hashes to log in.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
