package auth

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// MinPasswordLength is the shortest password CheckPassword accepts, in
// characters (等保 level 3 asks for complex passwords; 10 is our floor).
const MinPasswordLength = 10

func init() {
	locale.Register(map[string][2]string{
		"auth.password.short":    {"密码至少需要 %d 个字符", "the password needs at least %d characters"},
		"auth.password.classes":  {"密码须包含小写字母、大写字母、数字、其他符号中的至少三类", "the password needs at least three of: lower-case letters, upper-case letters, digits, other symbols"},
		"auth.password.username": {"密码不能包含用户名", "the password must not contain the username"},
		"auth.password.reused":   {"新密码不能与最近 %d 次使用过的密码相同", "the new password must differ from the last %d passwords"},
	})
}

// PolicyError lists every rule a password breaks, as locale message keys, so
// that a form can show them all at once in the user's language.
type PolicyError struct {
	Messages []locale.Message
}

func (e *PolicyError) Error() string { return e.Message("en") }

// Message renders the broken rules in lang ("zh" or "en"), joined by "; ".
func (e *PolicyError) Message(lang string) string {
	sep := "；"
	if lang == string(locale.EN) {
		sep = "; "
	}
	s := make([]string, len(e.Messages))
	for i, m := range e.Messages {
		s[i] = m.In(locale.Lang(lang))
	}
	return strings.Join(s, sep)
}

// PasswordPolicy is the configurable part of the password rules (等保
// identification and authentication): MinLength (never under
// MinPolicyLength), MaxAge after which the user must choose a new password
// at her next login (0: never), and History, how many earlier passwords a
// new one may not repeat (0: none kept).
type PasswordPolicy struct {
	MinLength int
	MaxAge    time.Duration
	History   int
}

// MinPolicyLength is the lowest MinLength a configuration may set.
const MinPolicyLength = 8

// DefaultPolicy is the policy without configuration: passwords of at least
// MinPasswordLength characters, no expiry, the last 5 passwords refused.
var DefaultPolicy = PasswordPolicy{MinLength: MinPasswordLength, History: 5}

// Expired reports whether a password set at changed has passed the
// policy's MaxAge at now.
func (p PasswordPolicy) Expired(changed, now time.Time) bool {
	return p.MaxAge > 0 && now.Sub(changed) >= p.MaxAge
}

// CheckPassword returns nil when password may be set for username, else a
// *PolicyError: at least MinPasswordLength characters, three of the four
// classes (lower, upper, digit, other), and not containing the username.
func CheckPassword(username, password string) error {
	return DefaultPolicy.Check(username, password)
}

// Check is CheckPassword with the policy's MinLength (MinPolicyLength when
// set lower).
func (p PasswordPolicy) Check(username, password string) error {
	var e PolicyError
	minLen := max(p.MinLength, MinPolicyLength)
	if utf8.RuneCountInString(password) < minLen {
		e.Messages = append(e.Messages, locale.M("auth.password.short", minLen))
	}
	var lower, upper, digit, other bool
	for _, r := range password {
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsDigit(r):
			digit = true
		default:
			other = true
		}
	}
	classes := 0
	for _, b := range []bool{lower, upper, digit, other} {
		if b {
			classes++
		}
	}
	if classes < 3 {
		e.Messages = append(e.Messages, locale.M("auth.password.classes"))
	}
	u := strings.ToLower(strings.TrimSpace(username))
	if u != "" && strings.Contains(strings.ToLower(password), u) {
		e.Messages = append(e.Messages, locale.M("auth.password.username"))
	}
	if len(e.Messages) > 0 {
		return &e
	}
	return nil
}

// CheckHistory returns a *PolicyError when password matches one of the
// earlier hashes (newest first; only the first p.History are looked at).
func (p PasswordPolicy) CheckHistory(password string, earlier []string) error {
	if p.History <= 0 {
		return nil
	}
	for i, h := range earlier {
		if i >= p.History {
			break
		}
		if ok, _ := VerifyPassword(h, password); ok {
			return &PolicyError{Messages: []locale.Message{locale.M("auth.password.reused", p.History)}}
		}
	}
	return nil
}
