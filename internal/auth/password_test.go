package auth

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/locale"
)

func TestHashPassword(t *testing.T) {
	h, err := HashPassword("Correct-Horse-9")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q has unexpected parameters", h)
	}
	h2, _ := HashPassword("Correct-Horse-9")
	if h == h2 {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	for _, tt := range []struct {
		pw   string
		want bool
	}{{"Correct-Horse-9", true}, {"correct-Horse-9", false}, {"", false}} {
		ok, err := VerifyPassword(h, tt.pw)
		if err != nil || ok != tt.want {
			t.Errorf("VerifyPassword(%q) = %v, %v; want %v", tt.pw, ok, err, tt.want)
		}
	}
	if NeedsRehash(h) {
		t.Error("a fresh hash needs rehashing")
	}
	if !NeedsRehash("$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5") {
		t.Error("a weak hash does not need rehashing")
	}
	for _, bad := range []string{"", "plain", "$2a$10$bcrypt", "$argon2id$v=19$m=x$a$b", "$argon2id$v=19$m=0,t=1,p=1$c2FsdA$a2V5"} {
		if _, err := VerifyPassword(bad, "x"); !errors.Is(err, ErrBadHash) {
			t.Errorf("VerifyPassword(%q) error = %v, want ErrBadHash", bad, err)
		}
	}
	if VerifyNothing("anything") {
		t.Error("VerifyNothing returned true")
	}
}

func TestCheckPassword(t *testing.T) {
	tests := []struct {
		user, pw string
		want     []string // message keys
	}{
		{"zhang", "Gansu-2024!", nil},
		{"zhang", "gansu2024xy", []string{"auth.password.classes"}},
		{"zhang", "Ab1!", []string{"auth.password.short"}},
		{"zhang", "abc", []string{"auth.password.short", "auth.password.classes"}},
		{"zhang", "xZhang-2024", []string{"auth.password.username"}},
		{"li", "甘肃省兰州市榆中Aa1", nil}, // Chinese characters count as "other"
		{"wang", "ABCDEFGHIJ1!", nil},
	}
	for _, tt := range tests {
		t.Run(tt.pw, func(t *testing.T) {
			err := CheckPassword(tt.user, tt.pw)
			var got []string
			var pe *PolicyError
			if errors.As(err, &pe) {
				for _, m := range pe.Messages {
					got = append(got, m.Key)
				}
			} else if err != nil {
				t.Fatalf("error %v is not a *PolicyError", err)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("CheckPassword(%q, %q) broke %v, want %v", tt.user, tt.pw, got, tt.want)
			}
		})
	}
	err := CheckPassword("zhang", "abc").(*PolicyError)
	if zh := err.Message(string(locale.ZH)); !strings.Contains(zh, "至少需要 10 个字符") {
		t.Errorf("Chinese message = %q", zh)
	}
	if en := err.Error(); !strings.Contains(en, "at least 10 characters") {
		t.Errorf("English message = %q", en)
	}
}

func TestNewToken(t *testing.T) {
	a, err := NewToken()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := NewToken()
	if a == b || len(a) != 43 {
		t.Errorf("tokens %q, %q: want two different 43-character tokens", a, b)
	}
	if HashToken(a) == HashToken(b) || HashToken(a) != HashToken(a) || len(HashToken(a)) != 64 {
		t.Error("HashToken is not a deterministic 64-hex-digit hash")
	}
}

func TestPasswordPolicyLengthAndExpiry(t *testing.T) {
	p := PasswordPolicy{MinLength: 12, MaxAge: 90 * 24 * time.Hour}
	// "Abcdefgh1!" has 10 characters: enough by default, short under 12.
	if err := CheckPassword("zhang", "Abcdefgh1!"); err != nil {
		t.Errorf("default policy refused a 10-character password: %v", err)
	}
	if err := p.Check("zhang", "Abcdefgh1!"); err == nil {
		t.Error("MinLength 12 accepted 10 characters")
	}
	// A configured length under 8 is raised to 8: "Abcde1!x" (8) passes,
	// "Abcd1!x" (7) does not.
	low := PasswordPolicy{MinLength: 4}
	if err := low.Check("li", "Abcde1!x"); err != nil {
		t.Errorf("8 characters refused: %v", err)
	}
	if err := low.Check("li", "Abcd1!x"); err == nil {
		t.Error("7 characters accepted with MinLength 4")
	}
	changed := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		p    PasswordPolicy
		now  time.Time
		want bool
	}{
		// 1 January + 90 days = 1 April (31 + 28 + 31 = 90).
		{"day 89", p, time.Date(2026, 3, 31, 23, 0, 0, 0, time.UTC), false},
		{"day 90", p, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), true},
		{"no expiry", DefaultPolicy, time.Date(2036, 1, 1, 0, 0, 0, 0, time.UTC), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.p.Expired(changed, c.now); got != c.want {
				t.Errorf("Expired = %v, want %v", got, c.want)
			}
		})
	}
}

func TestPasswordHistory(t *testing.T) {
	var hashes []string // newest first
	for _, pw := range []string{"Old-pass-3", "Old-pass-2", "Old-pass-1"} {
		h, err := HashPassword(pw)
		if err != nil {
			t.Fatal(err)
		}
		hashes = append(hashes, h)
	}
	for _, c := range []struct {
		name    string
		history int
		pw      string
		refused bool
	}{
		{"newest reused", 5, "Old-pass-3", true},
		{"oldest of three, history 3", 3, "Old-pass-1", true},
		{"oldest of three, history 2", 2, "Old-pass-1", false},
		{"new password", 5, "Brand-new-9", false},
		{"history off", 0, "Old-pass-3", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := PasswordPolicy{History: c.history}.CheckHistory(c.pw, hashes)
			if (err != nil) != c.refused {
				t.Errorf("CheckHistory = %v, want refused %v", err, c.refused)
			}
		})
	}
}
