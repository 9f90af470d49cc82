package invest

import (
	"slices"
	"testing"
)

func TestFindDuplicates(t *testing.T) {
	const code = "91310000MA1FL0001R"
	ledger := []Project{
		{ID: "A1", Name: "光伏组件制造项目", County: "620622", InvestorCode: code},
		{ID: "A2", Name: "冷链物流园", County: "620102", InvestorCode: "91620102MA7300003M"},
		{ID: "A3", Name: "光伏组件制造二期", County: "620622", InvestorCode: code, IncreaseOf: "A1"},
	}
	cases := []struct {
		name string
		in   Project
		want []string // "incoming/existing"
	}{
		// 光伏组件制造 vs 光伏组件制造基地: bigrams 光伏 伏组 组件 件制 制造 (5)
		// and the same 5 plus 造基 基地 (7): Dice 2·5/12 = 0.83.
		{"same investor, similar name, other county", Project{ID: "B1", Name: "光伏组件制造基地项目", County: "620602", InvestorCode: code}, []string{"B1/A1"}},
		{"same investor, same county: the county's own business", Project{ID: "B2", Name: "光伏组件制造基地", County: "620622", InvestorCode: code}, nil},
		// 风电场 vs 光伏组件制造: no common bigram.
		{"same investor, another project", Project{ID: "B3", Name: "风电场项目", County: "620602", InvestorCode: code}, nil},
		{"same 项目编号 under another county", Project{ID: "A2", Name: "别的名字", County: "620602"}, []string{"A2/A2"}},
		{"same 项目编号, same county: a new version", Project{ID: "A2", Name: "冷链物流园", County: "620102"}, nil},
		{"no investor code", Project{ID: "B4", Name: "光伏组件制造项目", County: "620602"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, d := range FindDuplicates(ledger, []Project{c.in}) {
				got = append(got, d.Incoming+"/"+d.Existing)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	if s := nameSimilarity("光伏组件制造", "光伏组件制造基地"); s < 0.83 || s > 0.84 {
		t.Errorf("similarity %v, want 10/12", s)
	}
}
