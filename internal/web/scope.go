package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
)

// require returns nil when the caller may do a to res, else the refusal
// (401 without a login, 403 with one). what names the thing in the message.
func require(c *caller, a auth.Action, res auth.Resource, what string) error {
	if auth.Can(c.principal(), a, res) {
		return nil
	}
	return deny(c, string(a)+" "+what)
}

// unitResource describes a record of a unit for auth.Can: its kind, the
// unit and the unit's prefecture, read from the store.
func (s *Server) unitResource(ctx context.Context, kind auth.Kind, unit string) (auth.Resource, error) {
	pref, err := s.db.PrefectureOf(ctx, unit)
	if err != nil {
		return auth.Resource{}, err
	}
	return auth.Resource{Kind: kind, Unit: unit, Prefecture: pref}, nil
}

// figureResource describes a figure: its unit's prefecture and its
// indicator's providing department.
func (s *Server) figureResource(ctx context.Context, unit, indicator string) (auth.Resource, error) {
	res, err := s.unitResource(ctx, auth.KindObservation, unit)
	if err != nil {
		return res, err
	}
	ind, err := s.db.Indicator(ctx, indicator)
	if err != nil {
		return res, err
	}
	res.Department = ind.Department
	return res, nil
}

// runResource describes a run for auth.Can.
func runResource(r store.Run) auth.Resource {
	return auth.Resource{Kind: auth.KindRun, RunState: r.State, Visibility: r.Visibility}
}

// ownScope is a resource of kind at the caller's own scope: her unit (or
// prefecture) and her department. Can on it says whether she may touch any
// record of that kind at all; the store query is then narrowed to her scope.
func ownScope(c *caller, kind auth.Kind) auth.Resource {
	u := c.principal()
	res := auth.Resource{Kind: kind, Unit: u.Unit, Department: u.Department}
	if u.Role == auth.RolePrefecture {
		res.Prefecture = u.Unit
	}
	return res
}

// readableRun loads run id and checks that the caller may read it. A
// published run the public may not see is 404 for those who cannot read
// it, so that its existence is not confirmed; other runs are 401/403.
func (s *Server) readableRun(r *http.Request, id int64) (store.Run, error) {
	run, err := s.published.run(id, func() (store.Run, error) { return s.db.Run(r.Context(), id) })
	if err != nil {
		return run, err
	}
	c := callerOf(r)
	if auth.Can(c.principal(), auth.Read, runResource(run)) {
		return run, nil
	}
	if run.State.Final() {
		return run, notFound("run")
	}
	return run, deny(c, "read run")
}

// figureScope checks that the caller may read the figures f asks for and
// narrows f to her scope: a department to its indicators, a prefecture to
// its units, a county to its own. Each unit or indicator f names is checked
// with auth.Can, so that asking for another county's figures is a 403.
func (s *Server) figureScope(r *http.Request, f store.ObservationFilter) (store.ObservationFilter, error) {
	ctx := r.Context()
	c := callerOf(r)
	own := ownScope(c, auth.KindObservation)
	if err := require(c, auth.Read, own, "figures"); err != nil {
		return f, err
	}
	p := c.principal()
	if auth.Can(p, auth.Read, auth.Resource{Kind: auth.KindObservation}) {
		return f, nil // the provincial office reads everything
	}
	for _, unit := range f.Units {
		res, err := s.unitResource(ctx, auth.KindObservation, unit)
		if err != nil {
			return f, err
		}
		res.Department = own.Department
		if err := require(c, auth.Read, res, "figures of "+unit); err != nil {
			return f, err
		}
	}
	for _, code := range f.Indicators {
		ind, err := s.db.Indicator(ctx, code)
		if err != nil {
			return f, err
		}
		res := own
		res.Department = ind.Department
		if err := require(c, auth.Read, res, "figures of "+code); err != nil {
			return f, err
		}
	}
	switch p.Role {
	case auth.RoleDepartment:
		f.Department = p.Department
	case auth.RolePrefecture:
		f.Prefecture = p.Unit
	case auth.RoleCounty:
		f.Units = []string{p.Unit}
	default:
		return f, deny(c, "read figures")
	}
	return f, nil
}

// checkColumns refuses (403) a wide table with a column of an indicator the
// caller may not write — a department's colleague's indicator — naming it.
// Headers are resolved as the import does: code, Chinese name, or
// "名称（code）"; others are left to the import to report.
func (s *Server) checkColumns(r *http.Request, t *table.Table) error {
	c := callerOf(r)
	if auth.Can(c.principal(), auth.Write, auth.Resource{Kind: auth.KindObservation}) {
		return nil
	}
	inds, err := s.db.Indicators(r.Context(), "")
	if err != nil {
		return err
	}
	byKey := make(map[string]store.Indicator, 2*len(inds))
	for _, i := range inds {
		byKey[i.Code], byKey[i.NameZH] = i, i
	}
	for _, h := range t.Header {
		h = strings.TrimSpace(h)
		if i := strings.LastIndexAny(h, "（("); i >= 0 && (strings.HasSuffix(h, "）") || strings.HasSuffix(h, ")")) {
			inner := strings.TrimLeft(strings.TrimRight(h[i:], "）)"), "（(")
			if _, ok := byKey[inner]; ok {
				h = inner
			}
		}
		ind, ok := byKey[h]
		if !ok {
			continue
		}
		res := ownScope(c, auth.KindObservation)
		res.Department = ind.Department
		if err := require(c, auth.Write, res, "indicator "+ind.Code+" ("+ind.Department+")"); err != nil {
			return err
		}
	}
	return nil
}
