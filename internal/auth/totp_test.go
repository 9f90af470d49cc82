package auth

import (
	"encoding/base32"
	"strings"
	"testing"
	"time"
)

// RFC 6238 appendix B: the SHA-1 key is the ASCII "12345678901234567890";
// the table gives 8-digit codes, whose last 6 digits are the 6-digit codes
// (the code is the same 31-bit number taken mod 10^8 or mod 10^6).
func TestTOTPRFC6238Vectors(t *testing.T) {
	secret := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString([]byte("12345678901234567890"))
	key := []byte("12345678901234567890")
	for _, c := range []struct {
		unix  int64
		eight string
	}{
		{59, "94287082"},
		{1111111109, "07081804"},
		{1111111111, "14050471"},
		{1234567890, "89005924"},
		{2000000000, "69279037"},
		{20000000000, "65353130"},
	} {
		t.Run(c.eight, func(t *testing.T) {
			// counter = floor(unix / 30), e.g. 59/30 = 1.
			if got := hotp(key, uint64(c.unix/30), 8); got != c.eight {
				t.Errorf("8 digits at %d: %s, want %s", c.unix, got, c.eight)
			}
			got, err := TOTPCode(secret, time.Unix(c.unix, 0))
			if err != nil || got != c.eight[2:] {
				t.Errorf("6 digits at %d: %s (%v), want %s", c.unix, got, err, c.eight[2:])
			}
		})
	}
}

func TestVerifyTOTPWindow(t *testing.T) {
	secret := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString([]byte("12345678901234567890"))
	// At 1111111109 s the step is 37037036 (1111111109 / 30) and the code
	// 081804; one step later (+30 s) still accepts it, two steps later not.
	at := time.Unix(1111111109, 0)
	for _, c := range []struct {
		name string
		t    time.Time
		code string
		ok   bool
		step int64
	}{
		{"same step", at, "081804", true, 37037036},
		{"one step later", at.Add(30 * time.Second), "081804", true, 37037036},
		{"one step earlier", at.Add(-30 * time.Second), "081804", true, 37037036},
		{"two steps later", at.Add(60 * time.Second), "081804", false, 0},
		{"wrong code", at, "081805", false, 0},
		{"too short", at, "81804", false, 0},
		{"spaces trimmed", at, " 081804 ", true, 37037036},
	} {
		t.Run(c.name, func(t *testing.T) {
			ok, step := VerifyTOTP(secret, c.code, c.t)
			if ok != c.ok || step != c.step {
				t.Errorf("VerifyTOTP = %v, %d; want %v, %d", ok, step, c.ok, c.step)
			}
		})
	}
}

func TestTOTPSecretAndURI(t *testing.T) {
	s, err := NewTOTPSecret()
	if err != nil {
		t.Fatal(err)
	}
	// 20 bytes = 160 bits = 32 base32 characters of 5 bits.
	if len(s) != 32 {
		t.Errorf("secret %q has %d characters, want 32", s, len(s))
	}
	u := TOTPURI("张三", s)
	if !strings.HasPrefix(u, "otpauth://totp/qiangxian:%E5%BC%A0%E4%B8%89?") || !strings.Contains(u, "secret="+s) {
		t.Errorf("URI %s", u)
	}
}
