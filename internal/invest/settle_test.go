package invest

import (
	"errors"
	"slices"
	"testing"
)

func TestLedgerDuplicates(t *testing.T) {
	const code = "91310000MA1FL0001R"
	ps := []Project{
		{ID: "A1", Name: "光伏组件制造项目", County: "620622", InvestorCode: code},
		{ID: "B1", Name: "光伏组件制造基地项目", County: "620602", InvestorCode: code}, // 10/12 alike with A1
		{ID: "C1", Name: "光伏组件制造基地", County: "620622", InvestorCode: code},   // A1's county: alike with B1 only across counties
		{ID: "D1", Name: "风电场项目", County: "620702", InvestorCode: code},      // nothing alike
		{ID: "E1", Name: "光伏组件制造二期", County: "620702", InvestorCode: code, IncreaseOf: "A1"},
	}
	var got []string
	for _, d := range LedgerDuplicates(ps) {
		got = append(got, d.Existing+"/"+d.Incoming)
	}
	// A1–B1 (620622 vs 620602) and B1–C1 (620602 vs 620622), each once;
	// A1–C1 share a county; D1 is another project; E1 an increase.
	if want := []string{"A1/B1", "B1/C1"}; !slices.Equal(got, want) {
		t.Errorf("LedgerDuplicates = %v, want %v", got, want)
	}
}

func TestSettlementCheck(t *testing.T) {
	a := &Project{ID: "A1", County: "620622"}
	b := &Project{ID: "B1", County: "620602"}
	inc := &Project{ID: "A2", County: "620622", IncreaseOf: "A1"}
	for _, c := range []struct {
		name     string
		s        Settlement
		kept     *Project
		dup      *Project
		previous string
		want     error
	}{
		{"two projects, kept at its place", Settlement{"A1", "B1", "620622", "620602", "同一项目两地报送"}, a, b, "", nil},
		{"no reason", Settlement{"A1", "B1", "620622", "620602", ""}, a, b, "", ErrSettleIncomplete},
		{"the referrer is the location", Settlement{"A1", "B1", "620622", "620622", "x"}, a, b, "", ErrSettleReferrer},
		{"the kept project lies elsewhere", Settlement{"A1", "B1", "620602", "620622", "x"}, a, b, "", ErrSettleLocation},
		{"the referrer is not the duplicate's place", Settlement{"A1", "B1", "620622", "620702", "x"}, a, b, "", ErrSettleLocation},
		{"an increase", Settlement{"A2", "B1", "620622", "620602", "x"}, inc, b, "", ErrSettleIncrease},
		// One 项目编号: 620602 replaced 620622's version; either may be the location.
		{"one 项目编号 back to its first place", Settlement{"B1", "B1", "620622", "620602", "x"}, b, nil, "620622", nil},
		{"one 项目编号 where it now is", Settlement{"B1", "B1", "620602", "620622", "x"}, b, nil, "620622", nil},
		{"one 项目编号, a third place", Settlement{"B1", "B1", "620702", "620602", "x"}, b, nil, "620622", ErrSettleLocation},
		{"one 项目编号 never reported elsewhere", Settlement{"B1", "B1", "620602", "620622", "x"}, b, nil, "", ErrSettleLocation},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := c.s.Check(c.kept, c.dup, c.previous); !errors.Is(err, c.want) {
				t.Errorf("Check = %v, want %v", err, c.want)
			}
		})
	}
}
