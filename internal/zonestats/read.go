package zonestats

import (
	"errors"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/zone"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
)

// ReadEnterprises reads an enterprise table (mujun.ReadEnterprises) whose
// zones and sub-parks must be those of the registry zs, as rows to store:
// the problems of both checks come back together, located, and then no
// row. The year is the one asked for, or the table's latest when year is
// 0; when neither gives one, noYear is the problem (the caller's words:
// a flag or a form field).
func ReadEnterprises(t *table.Table, zs []zone.Zone, year int, noYear locale.Message) ([]store.ZoneEnterprise, int, error) {
	var errs table.Errors
	if err := zone.CheckEnterpriseZones(t, zs); err != nil && !errors.As(err, &errs) {
		return nil, 0, err
	}
	ms, y, err := mujun.ReadEnterprises(t, year)
	if err != nil {
		var es table.Errors
		if !errors.As(err, &es) {
			return nil, 0, err
		}
		errs = append(errs, es...)
	} else if y == 0 {
		errs = append(errs, t.Errorf(-1, -1, noYear))
	}
	if len(errs) > 0 {
		return nil, 0, errs
	}
	out := make([]store.ZoneEnterprise, len(ms))
	for i := range ms {
		ms[i].Year = y
		out[i] = store.FromMujun(&ms[i])
	}
	return out, y, nil
}
