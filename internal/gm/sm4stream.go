package gm

import (
	"bufio"
	"bytes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"github.com/emmansun/gmsm/sm4"
)

// An SM4 stream is Magic, an 8-byte random nonce prefix, then chunks: a
// 4-byte big-endian length and that many bytes of SM4-GCM ciphertext with
// its 16-byte tag. Chunk i (from 0) is sealed with the nonce prefix ‖ i
// (big-endian uint32) and one byte of additional data, 1 for the last
// chunk and 0 before it, so that a stream cut at a chunk boundary, chunks
// reordered, or a wrong key are all refused.
const (
	// Magic opens every SM4-encrypted stream.
	Magic     = "QXSM4GCM1\n"
	chunkSize = 64 << 10
	// KeySize is the SM4 key length in bytes (128 bits).
	KeySize = 16
)

// ErrKey is returned when a stream does not open with the key given (a
// wrong key) or was altered.
var ErrKey = errors.New("gm: SM4 decryption failed: wrong key or altered data")

// ParseKey reads an SM4 key written as 32 hex digits.
func ParseKey(s string) ([]byte, error) {
	k, err := hex.DecodeString(s)
	if err != nil || len(k) != KeySize {
		return nil, fmt.Errorf("gm: an SM4 key is %d hex digits", 2*KeySize)
	}
	return k, nil
}

func newGCM(key []byte) (cipher.AEAD, error) {
	b, err := sm4.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(b)
}

type encWriter struct {
	w      io.Writer
	aead   cipher.AEAD
	prefix [8]byte
	n      uint32
	buf    []byte
	out    []byte
	closed bool
}

// Encrypt returns a writer that SM4-GCM-encrypts what is written to it
// onto w. Close writes the last chunk; without it the stream is refused
// as truncated.
func Encrypt(w io.Writer, key []byte) (io.WriteCloser, error) {
	aead, err := newGCM(key)
	if err != nil {
		return nil, err
	}
	e := &encWriter{w: w, aead: aead, buf: make([]byte, 0, chunkSize), out: make([]byte, 4, 4+chunkSize+16)}
	if _, err := rand.Read(e.prefix[:]); err != nil {
		return nil, err
	}
	if _, err := io.WriteString(w, Magic); err != nil {
		return nil, err
	}
	if _, err := w.Write(e.prefix[:]); err != nil {
		return nil, err
	}
	return e, nil
}

func (e *encWriter) nonce() []byte {
	var n [12]byte
	copy(n[:8], e.prefix[:])
	binary.BigEndian.PutUint32(n[8:], e.n)
	return n[:]
}

func (e *encWriter) seal(last bool) error {
	ad := []byte{0}
	if last {
		ad[0] = 1
	}
	e.out = e.aead.Seal(e.out[:4], e.nonce(), e.buf, ad)
	binary.BigEndian.PutUint32(e.out[:4], uint32(len(e.out)-4))
	e.n++
	e.buf = e.buf[:0]
	_, err := e.w.Write(e.out)
	return err
}

func (e *encWriter) Write(p []byte) (int, error) {
	if e.closed {
		return 0, errors.New("gm: write after close")
	}
	written := 0
	for len(p) > 0 {
		k := copy(e.buf[len(e.buf):cap(e.buf)], p)
		e.buf = e.buf[:len(e.buf)+k]
		p, written = p[k:], written+k
		if len(e.buf) == cap(e.buf) && len(p) > 0 {
			if err := e.seal(false); err != nil {
				return written, err
			}
		}
	}
	return written, nil
}

// Close seals the last chunk (possibly empty). It does not close w.
func (e *encWriter) Close() error {
	if e.closed {
		return nil
	}
	e.closed = true
	return e.seal(true)
}

// IsEncrypted reports whether head (the first bytes of a file, at least
// len(Magic) of them) opens an SM4 stream.
func IsEncrypted(head []byte) bool { return bytes.HasPrefix(head, []byte(Magic)) }

type decReader struct {
	r      *bufio.Reader
	aead   cipher.AEAD
	prefix [8]byte
	n      uint32
	plain  []byte
	in     []byte
	out    []byte
	done   bool
}

// Decrypt returns a reader of the plaintext of the SM4 stream r. It gives
// ErrKey for a wrong key or altered chunk, and io.ErrUnexpectedEOF for a
// stream that ends before its last chunk.
func Decrypt(r io.Reader, key []byte) (io.Reader, error) {
	aead, err := newGCM(key)
	if err != nil {
		return nil, err
	}
	d := &decReader{r: bufio.NewReader(r), aead: aead}
	head := make([]byte, len(Magic)+8)
	if _, err := io.ReadFull(d.r, head); err != nil || !IsEncrypted(head) {
		return nil, errors.New("gm: not an SM4-encrypted stream")
	}
	copy(d.prefix[:], head[len(Magic):])
	return d, nil
}

func (d *decReader) Read(p []byte) (int, error) {
	for len(d.plain) == 0 {
		if d.done {
			return 0, io.EOF
		}
		if err := d.next(); err != nil {
			return 0, err
		}
	}
	k := copy(p, d.plain)
	d.plain = d.plain[k:]
	return k, nil
}

func (d *decReader) next() error {
	var l [4]byte
	if _, err := io.ReadFull(d.r, l[:]); err != nil {
		return io.ErrUnexpectedEOF
	}
	size := binary.BigEndian.Uint32(l[:])
	if size < uint32(d.aead.Overhead()) || size > chunkSize+uint32(d.aead.Overhead()) {
		return ErrKey
	}
	if cap(d.in) < int(size) {
		d.in = make([]byte, size)
	}
	d.in = d.in[:size]
	if _, err := io.ReadFull(d.r, d.in); err != nil {
		return io.ErrUnexpectedEOF
	}
	var nonce [12]byte
	copy(nonce[:8], d.prefix[:])
	binary.BigEndian.PutUint32(nonce[8:], d.n)
	// Open zeroes its output on failure: decrypt into d.out, not d.in,
	// so that the second try (as the last chunk) reads the ciphertext.
	plain, err := d.aead.Open(d.out[:0], nonce[:], d.in, []byte{0})
	if err != nil {
		if plain, err = d.aead.Open(d.out[:0], nonce[:], d.in, []byte{1}); err != nil {
			return ErrKey
		}
		d.done = true
		if _, err := d.r.ReadByte(); err != io.EOF {
			return errors.New("gm: data after the last chunk")
		}
	}
	d.n++
	d.out, d.plain = plain, plain
	return nil
}
