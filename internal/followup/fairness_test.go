package followup

import "testing"

// TestIncentiveReview: the items of article 10 and the day the regulation
// came into force (2024-08-01).
func TestIncentiveReview(t *testing.T) {
	for _, c := range []struct {
		name    string
		i       Incentive
		article string
		flag    Flag
	}{
		{"tax rebate to the named investor", Incentive{Kind: IncentiveTax, Specific: true, Granted: 20250101}, "第十条第（一）项", FlagProhibited},
		{"tax under a published general policy", Incentive{Kind: IncentiveTax, Granted: 20250101}, "", FlagNone},
		{"uniform subsidy standard", Incentive{Kind: IncentiveSubsidy, Specific: true, Granted: 20250101}, "", FlagNone},
		{"selective subsidy", Incentive{Kind: IncentiveSubsidy, Specific: true, Selective: true, Granted: 20250101}, "第十条第（二）项", FlagProhibited},
		{"electricity discount before the regulation", Incentive{Kind: IncentiveFactor, Specific: true, Granted: 20230501}, "第十条第（三）项", FlagLegacy},
		{"land price discount on 2024-07-31", Incentive{Kind: IncentiveFactor, Specific: true, Granted: 20240731}, "第十条第（三）项", FlagLegacy},
		{"land price discount on 2024-08-01", Incentive{Kind: IncentiveFactor, Specific: true, Granted: 20240801}, "第十条第（三）项", FlagProhibited},
		{"fee waiver with a stated basis", Incentive{Kind: IncentiveFee, Specific: true, Basis: "国务院批复", Granted: 20250101}, "第十条第（三）项", FlagReview},
		{"services", Incentive{Kind: IncentiveService, Specific: true, Granted: 20250101}, "", FlagNone},
	} {
		t.Run(c.name, func(t *testing.T) {
			if a := c.i.Article(); a != c.article {
				t.Errorf("article %q, want %q", a, c.article)
			}
			if f := c.i.Review(); f != c.flag {
				t.Errorf("flag %q, want %q", f, c.flag)
			}
		})
	}
}
