package method

import (
	"os"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// TestDescribeDemoMethod tells the shipped Gansu method in both languages:
// every section it has rules for, the standard values of a fixed-standard
// rule, the events' points and caps, the awards with their counts, and no
// rule code (efficacy, all_or_nothing …) in the words.
func TestDescribeDemoMethod(t *testing.T) {
	src, err := os.ReadFile("../../examples/gansu/method.toml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse("method.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	// The standard values of 规上工业增加值增速 as the method file sets
	// them (the demo generator writes the file): efficacy with clamp,
	// 60 + 40 × (x − unacceptable) ÷ (satisfactory − unacceptable).
	var sat, unacc string
	for _, ind := range m.Indicators {
		if ind.Code == "ind_growth" {
			sat, unacc = num(ind.Score.Satisfactory.Value), num(ind.Score.Unacceptable.Value)
		}
	}
	for _, tc := range []struct {
		lang locale.Lang
		want []string
	}{
		{locale.ZH, []string{
			"综合得分和分类得分保留 2 位小数（四舍五入）后排名。",
			"规模以上工业增加值增速：功效系数法，得分 = 60 + 40 ×（实际值 − 不允许值）÷（满意值 − 不允许值），不允许值为" + unacc +
				"%，满意值为" + sat + "%，得分限定在 60～100 分。",
			"较大安全生产事故：每项扣 1 分，合计最多 3 分。",
			"十强县：综合排名前 10 名",
		}},
		{locale.EN, []string{
			"Overall and type scores are rounded to 2 decimals (half away from zero) before ranking.",
			"with the unacceptable value " + unacc + "% and the satisfactory value " + sat + "%, held within 60–100 points.",
		}},
	} {
		var all []string
		sections := map[string]bool{}
		for _, s := range m.Describe(tc.lang) {
			sections[s.Key] = true
			all = append(all, s.Items...)
		}
		text := strings.Join(all, "\n")
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the description lacks %q", tc.lang, w)
			}
		}
		for _, k := range []string{"general", "scoring", "missing", "events", "awards"} {
			if !sections[k] {
				t.Errorf("%s: no section %s", tc.lang, k)
			}
		}
		for _, code := range []string{"efficacy", "all_or_nothing", "level_growth", "average_diff", "method.d."} {
			if (tc.lang == locale.ZH || strings.Contains(code, "_")) && strings.Contains(text, code) {
				t.Errorf("%s: the description shows the code %q", tc.lang, code)
			}
		}
		if testing.Verbose() {
			t.Log(text)
		}
		ours := text // without the method's own words (award notes are data, written in Chinese)
		for _, a := range m.Awards {
			if a.Note != "" {
				ours = strings.ReplaceAll(ours, a.Note, "")
			}
		}
		if tc.lang == locale.EN && strings.ContainsAny(ours, "：；，。") {
			t.Errorf("English description with Chinese punctuation:\n%s", text)
		}
	}
}
