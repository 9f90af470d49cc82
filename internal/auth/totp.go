package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/base32"
	"encoding/binary"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// TOTP parameters (RFC 6238 with the defaults every authenticator app
// reads): HMAC-SHA1, 30-second steps, 6 digits; a code of the step before
// or after the current one is accepted too, for clock drift.
const (
	TOTPStep   = 30 * time.Second
	TOTPDigits = 6
	totpSkew   = 1
)

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// NewTOTPSecret returns a random 160-bit secret (RFC 4226 recommends its
// length to be that of the HMAC output), base32 without padding, as
// authenticator apps expect it.
func NewTOTPSecret() (string, error) {
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("auth: reading random TOTP secret: %w", err)
	}
	return b32.EncodeToString(b), nil
}

// TOTPURI is the otpauth:// URI an authenticator app imports (typed in or
// made into a QR code by the user's own tool): issuer "qiangxian".
func TOTPURI(username, secret string) string {
	v := url.Values{}
	v.Set("secret", secret)
	v.Set("issuer", "qiangxian")
	v.Set("algorithm", "SHA1")
	v.Set("digits", "6")
	v.Set("period", "30")
	return "otpauth://totp/" + url.PathEscape("qiangxian:"+username) + "?" + v.Encode()
}

// hotp is RFC 4226's HOTP value of key at counter, with digits digits.
func hotp(key []byte, counter uint64, digits int) string {
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], counter)
	m := hmac.New(sha1.New, key)
	m.Write(msg[:])
	sum := m.Sum(nil)
	off := sum[len(sum)-1] & 0x0f
	code := binary.BigEndian.Uint32(sum[off:off+4]) & 0x7fffffff
	mod := uint32(1)
	for range digits {
		mod *= 10
	}
	return fmt.Sprintf("%0*d", digits, code%mod)
}

// TOTPCode returns the code of secret (base32) at time t.
func TOTPCode(secret string, t time.Time) (string, error) {
	key, err := b32.DecodeString(strings.ToUpper(strings.TrimSpace(secret)))
	if err != nil {
		return "", fmt.Errorf("auth: TOTP secret is not base32: %w", err)
	}
	return hotp(key, uint64(t.Unix())/uint64(TOTPStep/time.Second), TOTPDigits), nil
}

// VerifyTOTP reports whether code is secret's code at t or one step either
// side of it, and which step matched (a caller may refuse a step already
// used, so that a code seen over a shoulder cannot be replayed).
func VerifyTOTP(secret, code string, t time.Time) (ok bool, step int64) {
	code = strings.TrimSpace(code)
	if len(code) != TOTPDigits {
		return false, 0
	}
	key, err := b32.DecodeString(strings.ToUpper(strings.TrimSpace(secret)))
	if err != nil {
		return false, 0
	}
	now := t.Unix() / int64(TOTPStep/time.Second)
	for d := int64(-totpSkew); d <= totpSkew; d++ {
		s := now + d
		if s < 0 {
			continue
		}
		if subtle.ConstantTimeCompare([]byte(hotp(key, uint64(s), TOTPDigits)), []byte(code)) == 1 {
			return true, s
		}
	}
	return false, 0
}
