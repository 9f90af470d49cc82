package auth

import (
	"strings"
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

// CheckPassword returns nil when password may be set for username, else a
// *PolicyError: at least MinPasswordLength characters, three of the four
// classes (lower, upper, digit, other), and not containing the username.
func CheckPassword(username, password string) error {
	var e PolicyError
	if utf8.RuneCountInString(password) < MinPasswordLength {
		e.Messages = append(e.Messages, locale.M("auth.password.short", MinPasswordLength))
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
