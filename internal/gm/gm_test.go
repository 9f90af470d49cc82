package gm

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emmansun/gmsm/sm4"
)

// GB/T 32905-2016 Appendix A: the two SM3 examples.
var sm3Vectors = []struct{ name, in, want string }{
	{"A.1 abc", "abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"},
	{"A.2 abcd×16", strings.Repeat("abcd", 16), "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"},
}

func TestSM3Vectors(t *testing.T) {
	for _, v := range sm3Vectors {
		t.Run(v.name, func(t *testing.T) {
			if got := SM3Hex([]byte(v.in)); got != v.want {
				t.Errorf("SM3(%q) = %s, want %s", v.in, got, v.want)
			}
			got, err := SM3Reader(strings.NewReader(v.in))
			if err != nil || got != v.want {
				t.Errorf("SM3Reader = %s, %v", got, err)
			}
		})
	}
}

// GB/T 32907-2016 Appendix A: key = plaintext = 0123456789abcdeffedcba9876543210;
// one encryption gives 681edf34d206965e86b3e94f536e4246, and 1,000,000
// encryptions in a row give 595298c7c6fd271f0402f804c33d3f66.
func TestSM4Vectors(t *testing.T) {
	key, _ := hex.DecodeString("0123456789abcdeffedcba9876543210")
	b, err := sm4.NewCipher(key)
	if err != nil {
		t.Fatal(err)
	}
	buf := append([]byte(nil), key...)
	b.Encrypt(buf, buf)
	if got := hex.EncodeToString(buf); got != "681edf34d206965e86b3e94f536e4246" {
		t.Errorf("one encryption = %s", got)
	}
	if testing.Short() {
		return
	}
	for i := 1; i < 1000000; i++ {
		b.Encrypt(buf, buf)
	}
	if got := hex.EncodeToString(buf); got != "595298c7c6fd271f0402f804c33d3f66" {
		t.Errorf("10^6 encryptions = %s", got)
	}
}

// openssl runs Debian's OpenSSL, or skips when it is missing or lacks SM3
// and SM4 — outside CI only; in CI (CI=true) that is a failure.
func openssl(t *testing.T, stdin []byte, args ...string) []byte {
	t.Helper()
	path, err := exec.LookPath("openssl")
	if err == nil {
		err = exec.Command(path, "enc", "-sm4-ecb", "-K", "00000000000000000000000000000000", "-nopad", "-in", "/dev/null").Run()
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("openssl with SM3/SM4 is needed in CI: %v", err)
		}
		t.Skipf("openssl with SM3/SM4 not available: %v", err)
	}
	cmd := exec.Command(path, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("openssl %v: %v", args, err)
	}
	return out
}

func TestAgainstOpenSSL(t *testing.T) {
	data := make([]byte, 200000)
	rand.Read(data)
	t.Run("SM3 of random data", func(t *testing.T) {
		out := string(openssl(t, data, "dgst", "-sm3", "-r"))
		want, _, _ := strings.Cut(out, " ")
		if got := SM3Hex(data); got != want {
			t.Errorf("SM3 = %s, openssl says %s", got, want)
		}
	})
	t.Run("SM4 standard vector", func(t *testing.T) {
		pt, _ := hex.DecodeString("0123456789abcdeffedcba9876543210")
		out := openssl(t, pt, "enc", "-sm4-ecb", "-nopad", "-K", "0123456789abcdeffedcba9876543210")
		if got := hex.EncodeToString(out); got != "681edf34d206965e86b3e94f536e4246" {
			t.Errorf("openssl SM4 = %s", got)
		}
	})
	t.Run("SM4-CTR keystream of GCM", func(t *testing.T) {
		// GCM encrypts with CTR from counter block J0+1 = IV ‖ 00000002
		// (12-byte IV); the same key and counter through openssl's
		// sm4-ctr must give our ciphertext without its 16-byte tag.
		key := bytes.Repeat([]byte{0x42}, 16)
		iv := []byte("0123456789ab")
		aead, err := newGCM(key)
		if err != nil {
			t.Fatal(err)
		}
		sealed := aead.Seal(nil, iv, data, nil)
		out := openssl(t, data, "enc", "-sm4-ctr", "-K", hex.EncodeToString(key), "-iv", hex.EncodeToString(iv)+"00000002")
		if !bytes.Equal(out, sealed[:len(data)]) {
			t.Errorf("SM4-GCM ciphertext differs from openssl's SM4-CTR")
		}
	})
}

func encrypt(t *testing.T, plain, key []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := Encrypt(&buf, key)
	if err != nil {
		t.Fatal(err)
	}
	// Odd write sizes cross chunk boundaries.
	for p := plain; len(p) > 0; {
		n := min(len(p), 7777)
		if _, err := w.Write(p[:n]); err != nil {
			t.Fatal(err)
		}
		p = p[n:]
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func decrypt(data, key []byte) ([]byte, error) {
	r, err := Decrypt(bytes.NewReader(data), key)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

func TestSM4Stream(t *testing.T) {
	key, _ := ParseKey("0123456789abcdeffedcba9876543210")
	other, _ := ParseKey("0123456789abcdeffedcba9876543211")
	for _, size := range []int{0, 1, chunkSize - 1, chunkSize, chunkSize + 1, 3*chunkSize + 5} {
		plain := make([]byte, size)
		rand.Read(plain)
		enc := encrypt(t, plain, key)
		if !IsEncrypted(enc) {
			t.Fatalf("size %d: no magic", size)
		}
		got, err := decrypt(enc, key)
		if err != nil || !bytes.Equal(got, plain) {
			t.Fatalf("size %d: round trip failed: %v", size, err)
		}
		if _, err := decrypt(enc, other); !errors.Is(err, ErrKey) {
			t.Errorf("size %d: wrong key gave %v, want ErrKey", size, err)
		}
		if size > chunkSize {
			// Cut after the first chunk: 4-byte length + chunk + tag.
			cut := len(Magic) + 8 + 4 + chunkSize + 16
			if _, err := decrypt(enc[:cut], key); !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Errorf("size %d: truncated stream gave %v", size, err)
			}
		}
		flip := append([]byte(nil), enc...)
		flip[len(flip)-1] ^= 1
		if _, err := decrypt(flip, key); !errors.Is(err, ErrKey) {
			t.Errorf("size %d: altered stream gave %v", size, err)
		}
	}
}

func TestParseKey(t *testing.T) {
	for _, s := range []string{"", "0123", "zz23456789abcdeffedcba9876543210", "0123456789abcdeffedcba987654321000"} {
		if _, err := ParseKey(s); err == nil {
			t.Errorf("ParseKey(%q) accepted", s)
		}
	}
}

func TestSM3File(t *testing.T) {
	p := filepath.Join(t.TempDir(), "abc")
	os.WriteFile(p, []byte("abc"), 0o600)
	f, _ := os.Open(p)
	defer f.Close()
	got, err := SM3Reader(f)
	if err != nil || got != sm3Vectors[0].want {
		t.Errorf("SM3 of file = %s, %v", got, err)
	}
}
