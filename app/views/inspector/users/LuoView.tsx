import { describeOwner, type LuoContent } from '../../../../core/kho';
import { Facts } from '../../../components/Facts';
import { Hex } from '../../../components/Hex';
import { Section } from '../../../components/Section';
import { SelectLink } from '../SelectLink';
import { FeatureBitsView } from './FeatureBitsView';

/** The Live Update Orchestrator's state: its sessions with their preserved files, and its FLBs. */
export function LuoView({ content }: { content: LuoContent }) {
  return (
    <Section title="Live Update Orchestrator" testId="luo">
      <Facts
        facts={[
          ['format', <span className="mono">{content.compatible}</span>],
          ['live update', content.liveupdateNumber === null ? undefined : `#${content.liveupdateNumber}`],
          [
            'sessions at',
            content.sessionsAddress === null ? undefined : content.sessionsAddress === 0 ? (
              <span className="dim">0: not serialized yet (LUO writes them on the way into kexec)</span>
            ) : (
              <Hex value={content.sessionsAddress} />
            ),
          ],
          ['FLBs at', content.flbsAddress === null ? undefined : <Hex value={content.flbsAddress} />],
        ]}
      />
      {content.features && <FeatureBitsView features={content.features} />}
      {content.sessions.map((session, i) => (
        <div key={i} className="luo-session" data-testid="luo-session">
          <h4 className="mono">session “{session.name}”</h4>
          <p className="dim">
            {session.fileCount.toString()} file(s)
            {session.systemd &&
              `; systemd's fd stores (mapping ${session.systemd.version === null ? 'unversioned' : `v${session.systemd.version}`}${session.systemd.kexecsCount === null ? '' : `, ${session.systemd.kexecsCount} kexec(s) so far`})`}
          </p>
          <table className="table table--compact">
            <thead>
              <tr>
                <th>file</th>
                <th>token</th>
                <th>data</th>
                {session.systemd && <th>belongs to</th>}
              </tr>
            </thead>
            <tbody>
              {session.files.map((file, j) => (
                <tr key={j}>
                  <td className="mono">{file.compatible}</td>
                  <td>
                    <Hex value={file.token} />
                  </td>
                  <td>
                    {file.dataLink ? (
                      <SelectLink selection={{ kind: 'link', link: file.dataLink }}>
                        <Hex value={file.data} />
                      </SelectLink>
                    ) : (
                      <Hex value={file.data} />
                    )}
                  </td>
                  {session.systemd && (
                    <td data-testid="luo-file-owner">
                      {file.owner ? describeOwner(file.owner) : <span className="dim">in no unit's fd store</span>}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {content.flbs.length > 0 && (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>FLB</th>
              <th>data</th>
              <th>files</th>
            </tr>
          </thead>
          <tbody>
            {content.flbs.map((flb, i) => (
              <tr key={i}>
                <td className="mono">{flb.name}</td>
                <td>
                  <Hex value={flb.data} />
                </td>
                <td>{flb.count.toString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
