export default function Home() {
  return <main>Briefmap</main>;
}
