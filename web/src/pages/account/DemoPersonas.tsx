// The login page's "デモ用アカウント / Demo accounts" panel: only in a demo database (GET /api/v1/demo says
// so; the personas endpoint answers 404 anywhere else), the ready users with their passwords and a button
// that fills the login form with one of them.
import { useEffect, useState } from 'preact/hooks';
import { getJson, isRecord } from '../../api/http';
import type { Role } from '../../auth/types';
import { useI18n } from '../../i18n';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, h2Class, textButtonClass } from './ui';

export interface DemoPersona {
  login: string;
  password: string;
  display_name: string;
  role: string;
  organisation_name: string;
  organisation_kind: string;
}

function isDemoState(body: unknown): body is { demo: boolean } {
  return isRecord(body) && typeof body['demo'] === 'boolean';
}

function isPersonaList(body: unknown): body is { personas: DemoPersona[] } {
  return (
    isRecord(body) &&
    Array.isArray(body['personas']) &&
    body['personas'].every(
      (p: unknown) =>
        isRecord(p) &&
        ['login', 'password', 'display_name', 'role', 'organisation_name', 'organisation_kind'].every((key) => typeof p[key] === 'string'),
    )
  );
}

async function loadPersonas(signal: AbortSignal): Promise<DemoPersona[]> {
  const state = await getJson('/api/v1/demo', isDemoState, signal);
  if (!state.demo) return [];
  return (await getJson('/api/v1/demo/personas', isPersonaList, signal)).personas;
}

export function DemoPersonas({ onChoose }: { onChoose: (persona: DemoPersona) => void }) {
  const { t } = useI18n();
  const d = t.demoPersonas;
  const [personas, setPersonas] = useState<DemoPersona[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    loadPersonas(controller.signal).then(setPersonas, () => {
      // Not a demo installation, or not reachable: the panel simply stays away.
    });
    return () => controller.abort();
  }, []);

  if (personas.length === 0) return null;
  const roleName = (role: string) => t.identity.roles[role as Role] ?? role;
  return (
    <section aria-labelledby="demo-personas-title" class="mt-10 max-w-5xl rounded-8 border-2 border-blue-900 bg-blue-50 p-4 md:p-6" data-testid="demo-personas">
      <h2 id="demo-personas-title" class={h2Class}>
        {d.title}
      </h2>
      <p class="mt-2 text-std-16N-170">{d.lead}</p>
      <p role="status" class="mt-2 text-std-16B-170 text-solid-gray-900">
        {chosen === null ? '' : d.filled(chosen)}
      </p>
      <table class={`${cardTableClass} mt-4`}>
        <thead class={cardHeadClass}>
          <tr>
            <th scope="col" class="px-2 py-2">{d.name}</th>
            <th scope="col" class="px-2 py-2">{d.role}</th>
            <th scope="col" class="px-2 py-2">{d.organisation}</th>
            <th scope="col" class="px-2 py-2">{d.login}</th>
            <th scope="col" class="px-2 py-2">{d.password}</th>
            <th scope="col" class="px-2 py-2"><span class="sr-only">{d.useShort}</span></th>
          </tr>
        </thead>
        <tbody class="block md:table-row-group">
          {personas.map((p) => (
            <tr key={p.login} class={cardRowClass} data-testid={`demo-persona-${p.login}`}>
              <td class={cardCellClass}><CellLabel>{d.name}</CellLabel>{p.display_name}</td>
              <td class={cardCellClass}><CellLabel>{d.role}</CellLabel>{roleName(p.role)}</td>
              <td class={cardCellClass}><CellLabel>{d.organisation}</CellLabel>{p.organisation_name}</td>
              <td class={`${cardCellClass} break-all lg:whitespace-nowrap lg:break-normal`}><CellLabel>{d.login}</CellLabel><code>{p.login}</code></td>
              <td class={`${cardCellClass} break-all lg:whitespace-nowrap lg:break-normal`}><CellLabel>{d.password}</CellLabel><code>{p.password}</code></td>
              <td class={cardCellClass}>
                <button
                  type="button"
                  class={textButtonClass}
                  aria-label={d.use(p.display_name)}
                  onClick={() => {
                    onChoose(p);
                    setChosen(p.display_name);
                  }}
                >
                  {d.useShort}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
