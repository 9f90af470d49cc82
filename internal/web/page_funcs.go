package web

import (
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
)

// pageFuncs are the template functions of the pages in lang:
//
//	t KEY [ARGS…]   the UI string KEY (printf-formatted with ARGS)
//	pick ZH EN      ZH, or EN on English pages when EN is not empty
//	num X           a score: two decimals, thousands separated, "—" when missing
//	fixed X D       X with D decimals, "—" when missing
//	figure X D      X with D decimals and thousands separators (12,345.6)
//	rank X          a rank: whole, or with its fraction when ties share it
//	change X        a rank change as ▲3 / ▼2 / –, in a span of class up, down or same
//	missing X       X is NaN
//	json V          V as JSON, for a data-* attribute read by app.js
//	static NAME     the versioned address of an asset
//	state S, vis V  a run state, a visibility, in words
//	award NAME      the badge class of an award: top, advanced, rising or other
//	add A B, seq N  arithmetic for loops
func pageFuncs(lang locale.Lang) template.FuncMap {
	return template.FuncMap{
		"t": func(key string, args ...any) string { return ui(lang, key, args...) },
		"pick": func(zh, en string) string {
			if lang == locale.EN && en != "" {
				return en
			}
			return zh
		},
		"num":     func(v float64) string { return grouped(v, 2) },
		"figure":  grouped,
		"fixed":   fixed,
		"plain":   plainNum,
		"revKind": func(kind string) string { return revisionKind(lang, kind) },
		"who":     func(user string) string { return actorName(lang, user) },
		"signedNum": func(v float64) string {
			if v > 0 {
				return "+" + plainNum(v)
			}
			return plainNum(v)
		},
		"rank":    rankText,
		"change":  changeHTML,
		"missing": math.IsNaN,
		"json": func(v any) (string, error) {
			b, err := json.Marshal(v)
			return string(b), err
		},
		"static": staticURL,
		"state":  func(s any) string { return ui(lang, "state."+fmt.Sprint(s)) }, // an auth.RunState or its code
		"vis":    func(v auth.Visibility) string { return ui(lang, "vis."+string(v)) },
		"award":  awardClass,
		"add":    func(a, b int) int { return a + b },
		"seq": func(n int) []int {
			s := make([]int, n)
			for i := range s {
				s[i] = i
			}
			return s
		},
	}
}

// fixed formats v with d decimals; a missing value is a dash.
func fixed(v float64, d int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	return halfUp(v, d)
}

// rankText formats a rank: whole ranks as integers, a shared fractional
// rank with one decimal, a missing one as a dash.
func rankText(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// changeHTML shows places risen (positive) or fallen (negative) with an
// arrow; the text says it too, for screen readers and print.
func changeHTML(v float64) template.HTML {
	switch {
	case math.IsNaN(v):
		return `<span class="chg">—</span>`
	case v > 0:
		return template.HTML(fmt.Sprintf(`<span class="chg up" title="+%s">▲%s</span>`, rankText(v), rankText(v)))
	case v < 0:
		return template.HTML(fmt.Sprintf(`<span class="chg down" title="-%s">▼%s</span>`, rankText(-v), rankText(-v)))
	}
	return `<span class="chg same">–</span>`
}

// awardClass is the badge colour of an award by its name: 十强县 top,
// 先进县(…) advanced, 进步县 rising.
func awardClass(name string) string {
	switch {
	case strings.HasPrefix(name, "十强"):
		return "top"
	case strings.HasPrefix(name, "先进"):
		return "advanced"
	case strings.HasPrefix(name, "进步"):
		return "rising"
	}
	return "other"
}

// itoa formats n in decimal, for headers and query strings.
func itoa(n int) string { return strconv.Itoa(n) }

// actorName is an account as a page shows it: the program's own changes
// (migrations, the demo loader: store.System) as 系统, others as typed.
func actorName(lang locale.Lang, user string) string {
	if user == store.System.Username {
		return ui(lang, "actor.system")
	}
	return user
}

func init() { registerUI(map[string][2]string{"actor.system": {"系统", "the system"}}) }
