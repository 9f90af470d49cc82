// Package locale chooses the user's language and renders messages in it:
// Simplified Chinese by default, English on request.
package locale

import (
	"fmt"
	"strings"
	"sync"
)

// Lang is a language: ZH or EN.
type Lang string

// The supported languages.
const (
	ZH Lang = "zh"
	EN Lang = "en"
)

// Detect returns the language named by flag ("en", "zh", "en-US"…) when it
// is set, else the one of the first set variable of LC_ALL and LANG: English
// when it starts with "en", Chinese otherwise.
func Detect(flag string, getenv func(string) string) Lang {
	for _, v := range []string{flag, getenv("LC_ALL"), getenv("LANG")} {
		v = strings.ToLower(strings.TrimSpace(v))
		if v == "" {
			continue
		}
		if strings.HasPrefix(v, "en") {
			return EN
		}
		return ZH
	}
	return ZH
}

// Message is a translatable message: a catalogue key and its arguments.
type Message struct {
	Key  string
	Args []any
}

// M builds a Message.
func M(key string, args ...any) Message { return Message{Key: key, Args: args} }

// In renders m in lang. An unknown key renders as the key and its arguments,
// which is ugly but never loses information.
func (m Message) In(lang Lang) string {
	mu.RLock()
	f, ok := catalog[m.Key]
	mu.RUnlock()
	if !ok {
		return strings.TrimSuffix(fmt.Sprintln(append([]any{m.Key}, m.Args...)...), "\n")
	}
	s := f[0]
	if lang == EN {
		s = f[1]
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		if l, ok := a.(Localizer); ok {
			a = l.Message(string(lang))
		}
		args[i] = a
	}
	return fmt.Sprintf(s, args...)
}

// Localizer is a value that renders itself in a language ("zh" or "en"),
// such as an engine error; as an argument of a Message it is rendered in
// the message's language.
type Localizer interface {
	Message(lang string) string
}

var (
	mu      sync.RWMutex
	catalog = map[string][2]string{}
)

// Register adds messages to the catalogue: key → {Chinese, English} printf
// formats. Packages call it from init with their own keys; a key registered
// twice panics, because two meanings for one key is a bug.
func Register(msgs map[string][2]string) {
	mu.Lock()
	defer mu.Unlock()
	for k, v := range msgs {
		if _, dup := catalog[k]; dup {
			panic("locale: message key registered twice: " + k)
		}
		catalog[k] = v
	}
}

// Lookup returns the Chinese and English formats of key, and whether the
// key is registered (for tests of the catalogue's completeness).
func Lookup(key string) (formats [2]string, ok bool) {
	mu.RLock()
	defer mu.RUnlock()
	formats, ok = catalog[key]
	return formats, ok
}
