package ledger

import "github.com/qiangxian/qiangxian/internal/invest"

// Year is the province-level figures the generated ledger reproduces for
// one calendar year (`invest metrics --level province --from Y-01 --to
// Y-12`): projects signed with investors from outside Gansu and their funds
// in place.
type Year struct {
	Year        int
	SignedCount int
	Funds       invest.Amount
	Published   bool // a published figure (sources.md), not an interpolation
}

// Years are the years of the main series. 2020 and 2023 are the published
// provincial totals (甘肃日报 2024-01-24: 签约项目 1,209 → 3,391, 到位资金
// 3,001.07亿元 → 5,961.26亿元); 2021 and 2022 are interpolated by this
// demo (geometric steps between them), not published figures.
var Years = []Year{
	{2020, 1209, yi(300107), true},
	{2021, 1705, yi(377251), false},
	{2022, 2405, yi(474225), false},
	{2023, 3391, yi(596126), true},
}

// Cohort is the published follow-up of a fair's signed projects.
type Cohort struct {
	Event     string
	Signed    invest.Month // the month its contracts were signed
	To        invest.Month // the month the follow-up reports
	Projects  int
	Amount    invest.Amount
	Funds     invest.Amount // counted funds in place by the end of To
	Started   int
	Completed int
}

// Fair is the 第十九届兰洽会 cohort (2013) as reported in August 2015
// (ytjhdl.cn, sources.md): 1,093 projects, 6,129.09亿元 signed, 2,794.49亿元
// in place (45.59 %), 907 started (82.98 %), 401 built (36.69 %).
var Fair = Cohort{Event: "第十九届兰洽会", Signed: 201306, To: 201508, Projects: 1093,
	Amount: yi(612909), Funds: yi(279449), Started: 907, Completed: 401}

// yi is hundredths of 亿元 as an Amount.
func yi(hundredths int64) invest.Amount { return invest.Amount(hundredths) * invest.AmountScale / 100 }
