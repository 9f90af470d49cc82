package method

import (
	"os"
	"strings"
	"testing"
)

func TestNoticeTable(t *testing.T) {
	base, err := os.ReadFile("../../examples/gansu/method.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		toml  string
		check func(t *testing.T, m *Method)
		err   string // a part of the error, "" for none
	}{
		{"phrases and rewards", `
[notice]
issuer = "甘肃省人民政府办公厅"
basis = "《甘肃省县域经济发展综合评价考核办法（试行）》（甘政办发〔2021〕41号）"
note = "（此件公开发布）"
[notice.rewards]
"进步县" = "对进步县每个奖励5000万元"
[[notice.summary]]
indicator = "gdp"
stat = "sum"
decimals = 1
text = "地区生产总值合计%s亿元"
`, func(t *testing.T, m *Method) {
			n := m.Notice
			if n == nil || n.Issuer != "甘肃省人民政府办公厅" || n.Rewards["进步县"] == "" || len(n.Summary) != 1 ||
				n.Summary[0].Indicator != "gdp" || n.Summary[0].Decimals != 1 {
				t.Errorf("notice %+v", n)
			}
		}, ""},
		{"unknown indicator", "\n[notice]\n[[notice.summary]]\nindicator = \"nope\"\ntext = \"%s\"\n", nil, "nope"},
		{"two placeholders", "\n[notice]\n[[notice.summary]]\nindicator = \"gdp\"\ntext = \"%s%s\"\n", nil, "%s"},
		{"bad stat", "\n[notice]\n[[notice.summary]]\nindicator = \"gdp\"\nstat = \"median\"\ntext = \"%s\"\n", nil, "median"},
		{"unknown award", "\n[notice]\n[notice.rewards]\n\"百强县\" = \"x\"\n", nil, "百强县"},
		{"unknown key", "\n[notice]\nsigner = \"x\"\n", nil, "signer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Parse("method.toml", append(append([]byte{}, base...), tc.toml...))
			if tc.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				tc.check(t, m)
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("error %v, want one with %q", err, tc.err)
			}
		})
	}
}
