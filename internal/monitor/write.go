package monitor

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/table"
)

// Columns is the header of the monitoring table as files carry it.
var Columns = []string{"unit", "indicator", "value", "growth", "rank", "value_rank", "province_growth", "diff_pp",
	"target", "completion", "elapsed", "schedule_gap", "light"}

// WriteCSV writes rows as CSV (UTF-8 without BOM, RFC 4180): a header row,
// numbers at full precision in their shortest round-trip form, empty where
// undefined.
func WriteCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns); err != nil {
		return err
	}
	rec := make([]string, len(Columns))
	for i := range rows {
		r := &rows[i]
		f := table.FormatNumber
		rec[0], rec[1], rec[2], rec[3] = r.Unit, r.Indicator, f(r.Value), f(r.Growth)
		rec[4], rec[5], rec[6], rec[7] = rank(r.Rank), rank(r.ValueRank), f(r.ProvinceGrowth), f(r.DiffPP)
		rec[8], rec[9], rec[10], rec[11], rec[12] = f(r.Target), f(r.Completion), f(r.Elapsed), f(r.ScheduleGap), string(r.Light)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func rank(k int) string {
	if k == 0 {
		return ""
	}
	return strconv.Itoa(k)
}
