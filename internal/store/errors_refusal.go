package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// Refusal is a refused change with a message for the reader in both
// languages: one of the error kinds (ErrInvalid, ErrConflict …) and a
// catalogue message. errors.Is(r, r.Kind) holds.
type Refusal struct {
	Kind error
	Msg  locale.Message
}

// refuse returns a Refusal of kind with the catalogue message key. A
// Chinese term that the English text has always kept (统一社会信用代码,
// 链主, 公示 …) is passed as an argument: the catalogue's English format
// may hold no Chinese (TestMessageKeysTranslated), and the log's text stays
// what it was.
func refuse(kind error, key string, args ...any) error {
	return &Refusal{Kind: kind, Msg: locale.M(key, args...)}
}

func (r *Refusal) Error() string { return r.Kind.Error() + ": " + r.Msg.In(locale.EN) }

func (r *Refusal) Unwrap() error { return r.Kind }

// ReaderText is what a reader may be told of a refused change in lang: the
// Refusal's message in her language, or in English the store's own
// English text. ok is false when there is nothing for a reader (a Chinese
// reader and an untranslated message, or a database driver's error): the
// caller then says something general and logs err.
func ReaderText(err error, lang locale.Lang) (text string, ok bool) {
	var r *Refusal
	if errors.As(err, &r) {
		return r.Msg.In(lang), true
	}
	var pe *pgconn.PgError
	var se *sqlite.Error
	if lang != locale.EN || errors.As(err, &pe) || errors.As(err, &se) {
		return "", false
	}
	s := err.Error()
	if i := strings.LastIndex(s, "): "); i >= 0 {
		s = s[i+3:]
	}
	for _, k := range []error{ErrInvalid, ErrConflict} {
		s = strings.TrimPrefix(s, k.Error()+": ")
	}
	return s, true
}

// localized is a catalogue message as an argument of another message: it
// renders in the language of the message it is part of.
type localized locale.Message

// Message implements locale.Localizer.
func (m localized) Message(lang string) string { return locale.Message(m).In(locale.Lang(lang)) }

// problems is a refusal's list of problems joined by sep (errors.Join's
// "\n", or "; " and its Chinese "；"): each a catalogue message, a
// locale.Localizer (another package's translated error) or, untranslated,
// another package's error.
type problems struct {
	sep  term
	list []any
}

// Message implements locale.Localizer.
func (ps problems) Message(lang string) string {
	lines := make([]string, len(ps.list))
	for i, p := range ps.list {
		switch p := p.(type) {
		case locale.Message:
			lines[i] = p.In(locale.Lang(lang))
		case locale.Localizer:
			lines[i] = p.Message(lang)
		default:
			lines[i] = fmt.Sprint(p)
		}
	}
	return strings.Join(lines, ps.sep.Message(lang))
}

// term is a word of a refusal in both languages, such as a unit's kind.
type term struct{ zh, en string }

// Message implements locale.Localizer.
func (t term) Message(lang string) string {
	if lang == string(locale.EN) {
		return t.en
	}
	return t.zh
}
