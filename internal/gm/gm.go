// Package gm holds the 国密 (Chinese commercial cryptography) options that
// 密评 asks for, on top of github.com/emmansun/gmsm (MIT licence): SM3
// (GB/T 32905) file digests and hashes, and SM4 (GB/T 32907) in GCM mode
// for encrypting backups as a stream of authenticated chunks. Certified
// crypto modules and SM2 TLS (TLCP) are out of scope: they belong to a
// proxy or hardware in front of the server.
package gm

import (
	"encoding/hex"
	"hash"
	"io"

	"github.com/emmansun/gmsm/sm3"
)

// NewSM3 returns a new SM3 hash (32-byte digest).
func NewSM3() hash.Hash { return sm3.New() }

// SM3Hex is the SM3 digest of b in lower-case hex.
func SM3Hex(b []byte) string {
	sum := sm3.Sum(b)
	return hex.EncodeToString(sum[:])
}

// SM3Reader is the SM3 digest of everything r gives, in lower-case hex.
func SM3Reader(r io.Reader) (string, error) {
	h := sm3.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
