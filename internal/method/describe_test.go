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
	for _, tc := range []struct {
		lang locale.Lang
		want []string
	}{
		{locale.ZH, []string{
			"综合得分和分类得分保留 2 位小数（四舍五入）后排名。",
			// ind_growth: efficacy, satisfactory 10, unacceptable 0, clamp:
			// 60 + 40 × (x − 0) ÷ (10 − 0), held within 60–100.
			"规模以上工业增加值增速：功效系数法，得分 = 60 + 40 ×（实际值 − 不允许值）÷（满意值 − 不允许值），不允许值为0%，满意值为10%，得分限定在 60～100 分。",
			"固定资产投资增速：争先进位：第 1 名得 100 分，每后退一位减 0.5 分。",
			"十强县：综合排名前 10 名",
			"观摩评议得分缺失时按不允许值计分。",
		}},
		{locale.EN, []string{
			"Overall and type scores are rounded to 2 decimals (half away from zero) before ranking.",
			"rank: 100 points for the first place, 0.5 fewer for each place below.",
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
		if tc.lang == locale.EN && strings.ContainsAny(text, "：；，。") {
			t.Errorf("English description with Chinese punctuation:\n%s", text)
		}
	}
}
