package followup

import "github.com/qiangxian/qiangxian/internal/invest"

func dayOf(n int32) invest.Day { return invest.Day(n) }
