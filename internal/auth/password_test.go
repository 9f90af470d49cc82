package auth

import (
	"errors"
	"strings"
	"testing"

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
