// Saved profiles of one kind: icon, name, endpoint, badges, and row actions.
import type { ProfileView } from '../../../../shared/domain';
import { Chip } from '../../components/chip';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import { profileAuth, profileEndpoint, profileUsesTls } from './form-model';

interface Actions {
  onEdit: (p: ProfileView) => void;
  onDuplicate: (p: ProfileView) => void;
  onDelete: (p: ProfileView) => void;
}

function ProfileRow({ p, onEdit, onDuplicate, onDelete }: { p: ProfileView } & Actions) {
  const { t, fmt } = useI18n();
  const auth = profileAuth(p);
  return (
    <li className="profile-row" data-testid={`profile-row-${p.id}`} data-kind={p.kind}>
      <span className={`kind-icon kind-${p.kind}`} title={t(`kind.${p.kind}`)}>
        <Icon name={p.kind} size={16} />
      </span>
      <div className="profile-main">
        <div className="profile-title">
          <a
            href={`#/connections/${encodeURIComponent(p.id)}`}
            className="profile-name"
            data-testid="profile-name"
            aria-label={t('profiles.editNamed', { name: p.name })}
          >
            {p.name}
          </a>
          {p.sandbox ? (
            <Chip tone="accent" icon="box" testId="badge-sandbox">
              {t('profiles.badge.sandbox')}
            </Chip>
          ) : null}
          {profileUsesTls(p) ? (
            <Chip tone="ok" icon="lock" testId="badge-secure">
              {t('profiles.badge.tls')}
            </Chip>
          ) : null}
          {auth ? (
            <Chip tone="neutral" icon="key">
              {auth === 'token' ? t('milvus.auth.token') : auth === 'userpass' ? t('milvus.auth.userpass') : auth}
            </Chip>
          ) : null}
        </div>
        <div className="profile-meta">
          <span className="mono endpoint">{profileEndpoint(p)}</span>
          <span aria-hidden="true">·</span>
          <span>{t('profiles.updated', { when: fmt.relative(p.updatedAt) })}</span>
        </div>
      </div>
      <div className="row-actions">
        <button type="button" className="icon-btn" onClick={() => onEdit(p)} aria-label={t('profiles.editNamed', { name: p.name })} title={t('common.edit')} data-testid="profile-edit">
          <Icon name="edit" />
        </button>
        <button type="button" className="icon-btn" onClick={() => onDuplicate(p)} aria-label={t('profiles.duplicateNamed', { name: p.name })} title={t('common.duplicate')} data-testid="profile-duplicate">
          <Icon name="copy" />
        </button>
        <button type="button" className="icon-btn danger" onClick={() => onDelete(p)} aria-label={t('profiles.deleteNamed', { name: p.name })} title={t('common.delete')} data-testid="profile-delete">
          <Icon name="trash" />
        </button>
      </div>
    </li>
  );
}

export function ProfileGroup({ kind, profiles, ...actions }: { kind: 'kafka' | 'milvus'; profiles: ProfileView[] } & Actions) {
  const { t } = useI18n();
  const mine = profiles.filter((p) => p.kind === kind);
  return (
    <section className="profile-group" aria-labelledby={`group-${kind}`} data-testid={`profiles-${kind}`}>
      <h2 className="section-title" id={`group-${kind}`}>
        {t(`kind.${kind}`)} <span className="count">{mine.length}</span>
      </h2>
      {mine.length ? (
        <ul className="profile-list">
          {mine.map((p) => (
            <ProfileRow key={p.id} p={p} {...actions} />
          ))}
        </ul>
      ) : (
        <p className="muted small group-empty">{t(`profiles.noneOfKind.${kind}`)}</p>
      )}
    </section>
  );
}
