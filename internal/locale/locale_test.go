package locale

import "testing"

func TestDetect(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		flag string
		env  map[string]string
		want Lang
	}{
		{"", nil, ZH},
		{"en", nil, EN},
		{"zh", map[string]string{"LANG": "en_US.UTF-8"}, ZH},
		{"", map[string]string{"LANG": "en_US.UTF-8"}, EN},
		{"", map[string]string{"LANG": "C.UTF-8"}, ZH},
		{"", map[string]string{"LC_ALL": "en_GB", "LANG": "zh_CN"}, EN},
	}
	for _, c := range cases {
		if got := Detect(c.flag, env(c.env)); got != c.want {
			t.Errorf("Detect(%q, %v) = %s, want %s", c.flag, c.env, got, c.want)
		}
	}
}

func TestMessage(t *testing.T) {
	Register(map[string][2]string{"test.hello": {"你好，%s", "hello, %s"}})
	if got := M("test.hello", "甘肃").In(ZH); got != "你好，甘肃" {
		t.Errorf("zh: %q", got)
	}
	if got := M("test.hello", "Gansu").In(EN); got != "hello, Gansu" {
		t.Errorf("en: %q", got)
	}
	if got := M("test.unknown", 1).In(EN); got != "test.unknown 1" {
		t.Errorf("unknown: %q", got)
	}
}

type twoLang struct{}

func (twoLang) Message(lang string) string {
	if lang == "en" {
		return "cat"
	}
	return "猫"
}

func TestLocalizerArgs(t *testing.T) {
	Register(map[string][2]string{"test.wrap": {"错误：%s", "error: %s"}})
	m := M("test.wrap", twoLang{})
	if got := m.In(ZH); got != "错误：猫" {
		t.Errorf("zh %q", got)
	}
	if got := m.In(EN); got != "error: cat" {
		t.Errorf("en %q", got)
	}
}
